/**
 * The CMS in production: Next's request handler for the built admin, REST and GraphQL (cms/.next)
 * behind the front (scripts/lib/front.ts) and the portal's own server (scripts/lib/serve.ts) for
 * request logs and a graceful stop.
 */
import next from 'next'
import { getPayload, type Payload } from 'payload'

import { createLogger } from '../../cms/logger'
import config from '../../cms/payload.config'
import { fastRegister } from '../../cms/signups/fast-register'
import { front } from '../lib/front'
import { serve } from '../lib/serve'

const port = Number(process.env.CMS_PORT ?? 3000)
// Like `next start`: every interface unless CMS_HOST (or HOST) narrows it, e.g. to 127.0.0.1 behind nginx.
const host = process.env.CMS_HOST ?? process.env.HOST
const app = next({ dev: false, dir: 'cms', hostname: host, port })
await app.prepare()

const nextHandler = app.getRequestHandler()

// Residents' sign-ups are answered here directly (cms/signups/fast-register.ts), by a Payload of
// this server's own: Next's bundle keeps its instance to itself. Both write through the same
// database file, each with its own queued writer (cms/sqlite-writer.ts), like two processes.
// Opened before the server listens, so the first sign-up does not wait for it; without the job
// queue's timer, which Next's instance already runs.
const sanitized = await config
const payload: Payload = await getPayload({
  config: { ...sanitized, jobs: { ...sanitized.jobs, autoRun: undefined } },
  key: 'cms-server',
})
const signups = fastRegister(async () => payload)

serve({
  name: 'cms',
  port,
  host,
  handler: front('cms', async (req, res) => {
    if (await signups(req, res)) return
    return nextHandler(req, res)
  }),
  logger: createLogger('cms'),
})
