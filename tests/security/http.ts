/**
 * Raw HTTP for the security tests: any method, headers and body, sent from a chosen loopback
 * address (127.0.0.x) so a test can be "another client" without trusting X-Forwarded-For.
 */
import http from 'node:http'

import { inject } from 'vitest'

export type Sent = {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  json: Record<string, unknown>
  ms: number
}

export type SendOptions = {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** The loopback address to connect from, e.g. '127.0.0.7'. */
  from?: string
}

export function send(url: string, options: SendOptions = {}): Promise<Sent> {
  const started = Date.now()
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        localAddress: options.from,
        headers: {
          host: target.host,
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: Record<string, unknown> = {}
          try {
            json = JSON.parse(text) as Record<string, unknown>
          } catch {
            json = {}
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json,
            ms: Date.now() - started,
          })
        })
        response.on('error', reject)
      },
    )
    // The server may answer (413) and close before the whole body is written: an error after
    // the answer came is expected, one before it is not.
    let answered = false
    request.on('response', () => (answered = true))
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered || (error.code !== 'EPIPE' && error.code !== 'ECONNRESET')) reject(error)
    })
    if (options.body !== undefined) request.write(options.body)
    request.end()
  })
}

export const site = (path: string) => `${inject('siteUrl')}${path}`
export const cms = (path: string) => `${inject('cmsUrl')}${path}`

/** A POST of a form as a browser on the site sends it. */
export function postForm(path: string, fields: Record<string, string>, from?: string): Promise<Sent> {
  return send(site(path), {
    method: 'POST',
    from,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: inject('siteUrl') },
    body: new URLSearchParams(fields).toString(),
  })
}

/** A JSON POST to the CMS. */
export function postJson(path: string, body: unknown, from?: string, headers: Record<string, string> = {}) {
  return send(cms(path), {
    method: 'POST',
    from,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

export async function graphql(query: string, token?: string, from?: string): Promise<Sent> {
  return send(cms('/api/graphql'), {
    method: 'POST',
    from,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
}
