/**
 * The CMS in production: Next's request handler for the built admin, REST and GraphQL (cms/.next)
 * behind the front (scripts/lib/front.ts) and the portal's own server (scripts/lib/serve.ts) for
 * request logs and a graceful stop.
 */
import next from 'next'

import { createLogger } from '../../cms/logger'
import { front } from '../lib/front'
import { serve } from '../lib/serve'

const port = Number(process.env.CMS_PORT ?? 3000)
// Like `next start`: every interface unless CMS_HOST (or HOST) narrows it, e.g. to 127.0.0.1 behind nginx.
const host = process.env.CMS_HOST ?? process.env.HOST
const app = next({ dev: false, dir: 'cms', hostname: host, port })
await app.prepare()

serve({ name: 'cms', port, host, handler: front('cms', app.getRequestHandler()), logger: createLogger('cms') })
