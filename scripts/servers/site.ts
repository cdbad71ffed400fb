/**
 * The site in production: Astro's built handler (static files and pages, from dist/) behind the
 * portal's own server (scripts/lib/serve.ts) for request logs and a graceful stop.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { createLogger } from '../../cms/logger'
import { front } from '../lib/front'
import { type Handler, serve } from '../lib/serve'

// Astro's standalone entry would otherwise start its own server on import.
process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const entry = pathToFileURL(path.resolve('dist/server/entry.mjs')).href
const { handler } = (await import(entry)) as { handler: Handler }

serve({
  name: 'site',
  port: Number(process.env.PORT ?? 4321),
  host: process.env.HOST ?? 'localhost',
  handler: front('site', handler),
  logger: createLogger('site'),
})
