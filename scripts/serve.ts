/**
 * The front of both servers in production (`npm start` runs `serve.ts site` and `serve.ts cms`):
 * a plain Node HTTP server that, for every request, before the site (Astro) or the CMS (Next and
 * Payload) sees it,
 *
 * 1. decides the client's address once, from the socket and TRUSTED_PROXIES
 *    (cms/rules/client-address.ts), and passes it on in a header no client can set;
 * 2. refuses a body over its limit from its declared length (cms/rules/body-limits.ts), 413 with
 *    a plain message, before reading any of it;
 * 3. sets the security headers (cms/rules/security-headers.ts).
 */
import http from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { BODY_MESSAGES, bodyLimit, checkBody } from '../cms/rules/body-limits'
import { BAD_PATH, isTraversal } from '../cms/rules/request-path'
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '../cms/rules/client-address'
import { cmsSurface, originOf, securityHeaders } from '../cms/rules/security-headers'

type Server = 'site' | 'cms'
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>

const server = process.argv[2] as Server
if (server !== 'site' && server !== 'cms') {
  console.error('usage: serve.ts site|cms')
  process.exit(2)
}

const root = process.env.MULIN_ROOT ?? process.cwd()
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.PORT ?? 4321)
const cmsUrl = process.env.CMS_URL ?? `http://localhost:${cmsPort}`
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`
const publicUrl = server === 'site' ? siteUrl : cmsUrl
const imageOrigins = [originOf(cmsUrl), originOf(process.env.MAP_TILE_URL)].filter(
  (origin): origin is string => Boolean(origin),
)

function lastEntry(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(',') : value
  return text?.split(',').at(-1)?.trim().toLowerCase()
}

function isHttps(req: http.IncomingMessage): boolean {
  if ((req.socket as Socket & { encrypted?: boolean }).encrypted) return true
  if (trusted > 0) return lastEntry(req.headers['x-forwarded-proto']) === 'https'
  return publicUrl.startsWith('https:')
}

function refuse(res: http.ServerResponse, status: 411 | 413, english: boolean, json: boolean): void {
  const message = BODY_MESSAGES[status]
  const body = json
    ? JSON.stringify({ message: `${message.zh} / ${message.en}`, ...message })
    : english
      ? message.en
      : message.zh
  res.writeHead(status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function front(handle: Handler): http.RequestListener {
  return (req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'

    // 1. The client's address; and forwarded headers only from proxies we trust.
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted)
    const https = isHttps(req)
    req.headers[CLIENT_ADDRESS_HEADER] = address
    req.headers['x-forwarded-for'] = address
    if (trusted === 0) {
      // Only a proxy we trust may tell the servers the public host or scheme.
      delete req.headers['x-forwarded-host']
      delete req.headers['x-forwarded-port']
      delete req.headers['x-forwarded-proto']
    }

    // 3. Security headers, set before the server writes its own.
    const surface = server === 'site' ? 'site' : cmsSurface(pathname)
    const headers = securityHeaders({
      surface,
      path: url,
      https,
      imageOrigins,
      connectOrigins: [originOf(cmsUrl)].filter((origin): origin is string => Boolean(origin)),
    })
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)

    // A path climbing out of its folder, however encoded, is no page or file of ours.
    if (isTraversal(url)) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(`${BAD_PATH.zh} / ${BAD_PATH.en}`)
      return
    }

    // 2. The body's size, from what it declares.
    const verdict = checkBody(req.method ?? 'GET', req.headers, bodyLimit(server, pathname))
    if (!verdict.ok) {
      // Nothing of the body is kept. Once the answer is out, what the client is still sending is
      // discarded for two seconds (closing at once could make its system drop our answer unread),
      // then the connection is closed.
      res.on('finish', () => {
        req.resume()
        setTimeout(() => req.socket.destroy(), 2_000).unref()
      })
      refuse(res, verdict.status, pathname === '/en' || pathname.startsWith('/en/'), surface === 'api')
      return
    }
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      console.error(`could not answer ${req.method} ${pathname}: ${(error as Error).message}`)
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Server error')
      }
    })
  }
}

async function siteHandler(): Promise<Handler> {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled'
  const entry = pathToFileURL(path.join(root, 'dist', 'server', 'entry.mjs')).href
  const { handler } = (await import(entry)) as { handler: Handler }
  return handler
}

async function cmsHandler(): Promise<Handler> {
  const { default: next } = await import('next')
  const app = next({ dev: false, dir: path.join(root, 'cms'), port: cmsPort })
  await app.prepare()
  const handle = app.getRequestHandler()
  return (req, res) => handle(req, res)
}

const handler = server === 'site' ? await siteHandler() : await cmsHandler()
const port = server === 'site' ? sitePort : cmsPort
// The site listens where Astro would (HOST, localhost by default); the CMS, like `next start`, everywhere.
const host = server === 'site' ? (process.env.HOST ?? 'localhost') : undefined
http.createServer(front(handler)).listen(port, host, () => {
  console.log(`${server} listening on port ${port}`)
})
