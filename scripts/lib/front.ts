/**
 * The front of both servers in production (scripts/servers/), for every request before the site
 * (Astro) or the CMS (Next and Payload) sees it:
 *
 * 1. decides the client's address once, from the socket and TRUSTED_PROXIES
 *    (cms/rules/client-address.ts), and passes it on in a header no client can set;
 * 2. refuses a body over its limit from its declared length (cms/rules/body-limits.ts), 413 with
 *    a plain message, before reading any of it;
 * 3. sets the security headers (cms/rules/security-headers.ts).
 */
import type http from 'node:http'
import type { Socket } from 'node:net'

import { BODY_MESSAGES, bodyLimit, checkBody } from '../../cms/rules/body-limits'
import { BAD_PATH, isEnglishPath, isTraversal } from '../../cms/rules/request-path'
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '../../cms/rules/client-address'
import { cmsSurface, keptSecurityHeaders, originOf } from '../../cms/rules/security-headers'

export type Server = 'site' | 'cms'
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)
const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.PORT ?? 4321)
const cmsUrl = process.env.CMS_URL ?? `http://localhost:${cmsPort}`
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`
const present = (origin: string | undefined): origin is string => Boolean(origin)
const headersFor = keptSecurityHeaders({
  imageOrigins: [originOf(cmsUrl), originOf(process.env.MAP_TILE_URL)].filter(present),
  connectOrigins: [originOf(cmsUrl)].filter(present),
})

function lastEntry(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(',') : value
  return text?.split(',').at(-1)?.trim().toLowerCase()
}

function isHttps(req: http.IncomingMessage, publicUrl: string): boolean {
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

/** The front's work for one server, around that server's own handler. */
export function front(server: Server, handle: Handler): Handler {
  const publicUrl = server === 'site' ? siteUrl : cmsUrl
  return (req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'

    // 1. The client's address; and forwarded headers only from proxies we trust.
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted)
    const https = isHttps(req, publicUrl)
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
    for (const [name, value] of headersFor(surface, url, https)) res.setHeader(name, value)

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
      refuse(res, verdict.status, isEnglishPath(pathname), surface === 'api')
      return
    }
    const failed = (error: unknown) => {
      console.error(`could not answer ${req.method} ${pathname}: ${(error as Error).message}`)
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Server error')
      }
    }
    // A page from memory is answered within the call, with nothing to wait for: no promise is made.
    try {
      const answered = handle(req, res)
      if (answered instanceof Promise) answered.catch(failed)
    } catch (error) {
      failed(error)
    }
  }
}
