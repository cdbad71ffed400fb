/**
 * SITE_PROCESSES site processes sharing one port, with Node's cluster: this primary serves
 * nothing itself; it starts that many workers running the site's server (the kernel's
 * connections are handed to them in turn), starts a worker again when one dies, with backoff,
 * while the others keep serving, and on SIGTERM or SIGINT stops them all gracefully (each finishes
 * its requests in flight, see scripts/lib/serve.ts) before it exits.
 */
import cluster, { type Worker } from 'node:cluster'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createLogger } from '../../cms/logger'
import { siteProcesses } from '../../cms/settings'

const logger = createLogger('site')
const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000
/** As scripts/start.ts does for whole servers: 1 s, 2 s, 4 s… up to 30 s; a worker that ran a minute starts again at 1 s. */
const MAX_BACKOFF_MS = 30_000
const STABLE_MS = 60_000

// The workers run the site's server beside this file: site.mjs when built (dist/servers/, what
// `npm start` runs), site.ts from the sources. They get this process's own Node options.
const here = fileURLToPath(import.meta.url)
const siteServer = path.join(path.dirname(here), `site${path.extname(here)}`)
cluster.setupPrimary({ exec: siteServer, execArgv: process.execArgv })

let stopping = false
const workers = new Set<Worker>()

function startWorker(slot: number, failures = 0): void {
  const worker = cluster.fork({ SITE_WORKER: String(slot) })
  const started = Date.now()
  workers.add(worker)
  worker.on('exit', (code, signal) => {
    workers.delete(worker)
    if (stopping) {
      if (workers.size === 0) process.exit(0)
      return
    }
    const streak = Date.now() - started > STABLE_MS ? 1 : failures + 1
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (streak - 1))
    logger.error(
      { event: 'worker-stopped', worker: worker.process.pid, code, signal, restartInMs: delay },
      `site worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another in ${delay / 1000} s`,
    )
    setTimeout(() => {
      if (!stopping) startWorker(slot, streak)
    }, delay)
  })
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  logger.info(
    { event: 'stopping', signal, workers: workers.size },
    `${signal}: stopping ${workers.size} site worker(s)`,
  )
  if (workers.size === 0) process.exit(0)
  for (const worker of workers) worker.process.kill('SIGTERM')
  // A worker still there well after its grace period is stuck.
  setTimeout(() => {
    for (const worker of workers) worker.process.kill('SIGKILL')
    process.exit(0)
  }, graceMs + 5_000).unref()
}

process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))

logger.info(
  { event: 'cluster', workers: siteProcesses },
  `starting ${siteProcesses} site processes on one port`,
)
for (let slot = 0; slot < siteProcesses; slot++) startWorker(slot)
