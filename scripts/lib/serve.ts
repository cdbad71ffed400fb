/**
 * The HTTP server around the CMS's and the site's request handlers in production (scripts/servers/).
 * It adds what neither Next's nor Astro's own server gives an operator:
 *
 * - one JSON log line per request (time, request id, method, route, status, duration) through the
 *   portal's pino logger, and the request id in an `X-Request-Id` header (taken from the proxy's
 *   header when it sends a sane one, so the proxy's and the portal's lines can be joined);
 * - a bounded graceful stop on SIGTERM or SIGINT: readiness turns false, connections already
 *   arriving are accepted for a second, then no more; requests in flight finish for up to
 *   SHUTDOWN_GRACE_SECONDS (10), then the database is closed and the process exits.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { Server } from 'node:net'

import type { Logger } from 'pino'

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

type CachedPayload = { payload?: { destroy: () => Promise<void> } | null }

/** Payload keeps its instance on globalThis (payload's getPayload), whichever bundle opened it. */
async function closeDatabase(logger: Logger): Promise<void> {
  const cache = (globalThis as { _payload?: Map<string, CachedPayload> })._payload
  for (const cached of cache?.values() ?? []) {
    try {
      await cached.payload?.destroy()
      logger.info({ event: 'database-closed' }, 'database closed')
    } catch (error) {
      logger.error({ event: 'database-close-failed', err: error }, 'closing the database failed')
    }
  }
}

/** How long a stopping server still accepts connections already on their way (see stop()). */
const ACCEPT_DRAIN_MS = 1_000

/** Readiness turns false at once (cms/health.ts), so a load balancer stops sending traffic. */
function markStopping(): void {
  ;(globalThis as { mulinStopping?: boolean }).mulinStopping = true
}

const REQUEST_ID = /^[\w.-]{8,128}$/

/** Routes are logged without their query string: a search term is the visitor's business. */
const routeOf = (url = '/') => url.split('?')[0] ?? '/'

export function serve(options: {
  name: string
  port: number
  host: string | undefined
  handler: Handler
  logger: Logger
}) {
  const { handler, logger } = options
  const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000
  let inFlight = 0
  let stopping = false

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint()
    const given = req.headers['x-request-id']
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    res.setHeader('X-Request-Id', id)
    // Tell keep-alive clients to reconnect elsewhere (the proxy, the restarted server).
    if (stopping) res.setHeader('Connection', 'close')
    inFlight++
    const finish = () => {
      inFlight--
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const line = {
        event: 'request',
        requestId: id,
        method: req.method,
        route: routeOf(req.url),
        status: res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round(ms * 10) / 10,
      }
      if (line.status >= 500) logger.error(line, 'request failed')
      // Monitors poll the health endpoints every few seconds: visible with LOG_LEVEL=debug only.
      else if (line.route.startsWith('/health/') || line.route.startsWith('/api/health/'))
        logger.debug(line, 'request')
      else logger.info(line, 'request')
    }
    // 'close' comes after the answer is out, or when the visitor left before it was (then 499).
    res.once('close', finish)
    void handler(req, res)
  })
  server.keepAliveTimeout = 65_000 // longer than a proxy's idle keep-alive, so it never sends into a closing socket

  async function stop(signal: string): Promise<void> {
    if (stopping) return
    stopping = true
    markStopping()
    // Connections the kernel has already queued would be reset by closing at once, and a proxy
    // cannot safely resend a POST that was reset: accept what has arrived, then close.
    await new Promise((resolve) => setTimeout(resolve, ACCEPT_DRAIN_MS))
    logger.info(
      { event: 'stopping', signal, inFlight },
      `${signal}: no new connections; finishing ${inFlight} request(s)`,
    )
    // net.Server's close, not http's: that one also drops connections with no request yet, which
    // includes those just accepted whose request this busy process has not read yet.
    Server.prototype.close.call(server)
    const drained = (async () => {
      // Two quiet looks 100 ms apart: a connection accepted a moment ago may not count yet.
      for (let quiet = 0; quiet < 2;) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        quiet = inFlight === 0 ? quiet + 1 : 0
      }
    })()
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref())
    const late = await Promise.race([drained.then(() => false), timedOut])
    if (late)
      logger.warn(
        { event: 'stop-timeout', inFlight },
        `${inFlight} request(s) still running after ${graceMs} ms; stopping anyway`,
      )
    server.closeAllConnections()
    await closeDatabase(logger)
    logger.info({ event: 'stopped' }, 'stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  // A port already taken (another portal, a stale process) is a failure to start, said as such:
  // the supervisor then reports why, with a non-zero code.
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.error({ event: 'listen-failed', port: options.port, code: error.code }, error.message)
    process.exit(1)
  })
  server.listen(options.port, options.host, () => {
    logger.info(
      { event: 'listening', port: options.port, host: options.host },
      `${options.name} listening on ${options.host ?? '*'}:${options.port}`,
    )
  })
  return server
}
