/**
 * The site's render cache (scripts/lib/page-cache.ts), around a stand-in for Astro's handler that
 * counts its renders, behind a real HTTP server: what a visitor and an operator would notice.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pageCache } from '../../scripts/lib/page-cache'

let version = 1
/** Moves with every change of a document; `version` moves with those and with every sign-up. */
let documents = 1
const DOCUMENTS_ONLY = 'x-documents-only'
const CARE_VARIANT = 'x-care-variant'
let renders = 0
let stalledOnce = false
let server: Server
let base: string

/** Pages as Astro answers them: public HTML, a personal page, a page that sets a cookie, a 404. */
async function astro(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders++
  await new Promise((resolve) => setTimeout(resolve, 50)) // a render takes a while
  const url = req.url ?? '/'
  if (url.startsWith('/stalled') && !stalledOnce) {
    // A file stream whose visitor went away: the headers and a first piece, then never an end.
    stalledOnce = true
    res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'public, max-age=15' })
    res.write('body{}')
    return
  }
  if (url.startsWith('/missing')) {
    res.writeHead(404, { 'content-type': 'text/html', 'cache-control': 'private, no-store' })
    res.end('<p>not found</p>')
    return
  }
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': url.startsWith('/form') ? 'no-store' : 'public, max-age=15',
  }
  if (url.startsWith('/cookie')) headers['set-cookie'] = 'mulin_care=1; Path=/'
  // A page that read only documents (the site's middleware marks it so).
  if (url.startsWith('/conventions')) headers[DOCUMENTS_ONLY] = '1'
  // Care mode, as the site's middleware answers it: private to the world, marked for this cache.
  const care = /(^|;\s*)mulin_care=1/.test(req.headers.cookie ?? '')
  if (care && headers['cache-control']!.startsWith('public')) {
    headers['cache-control'] = 'private, no-store'
    headers[CARE_VARIANT] = '1'
  }
  res.writeHead(200, headers)
  // Streamed in pieces, as Astro does, with enough text to be worth compressing.
  res.write(`<h1${care ? ' class="care"' : ''}>${url} v${version}</h1>`)
  res.write(`<p>${'剩余 3 个名额。'.repeat(200)}</p>`)
  res.end(`<footer>render ${renders}</footer>`)
}

beforeAll(async () => {
  const handler = pageCache(astro, {
    version: { read: async () => version },
    documents: { version: { read: () => documents }, header: DOCUMENTS_ONLY },
    versionCheckMs: 0,
    variantOf: (cookies) =>
      cookies.has('mulin_preview') ? null : cookies.get('mulin_care') === '1' ? 'care' : '',
    variantHeader: CARE_VARIANT,
  })
  server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })

describe('the render cache', () => {
  it('renders a public page once and answers the next visitors from memory', async () => {
    const before = renders
    const first = await get('/events/1')
    const text = await first.text()
    expect(text).toContain('/events/1 v1')
    expect(first.headers.get('x-page-cache')).toBe('miss')
    const second = await get('/events/1')
    expect(await second.text()).toBe(text)
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(renders - before).toBe(1)
  })

  it('answers a page whose first visitor went away before it was sent', async () => {
    const leaving = new AbortController()
    const first = fetch(`${base}/stalled.css`, { signal: leaving.signal }).catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 200))
    leaving.abort()
    await first
    const next = await fetch(`${base}/stalled.css`, { signal: AbortSignal.timeout(3_000) })
    expect(next.status).toBe(200)
    expect(await next.text()).toContain('/stalled.css')
  })

  it('renders a page only once for a crowd arriving together', async () => {
    const before = renders
    const answers = await Promise.all(Array.from({ length: 20 }, () => get('/crowd').then((r) => r.text())))
    expect(new Set(answers).size).toBe(1)
    expect(renders - before).toBe(1)
  })

  it('drops every page as soon as the content version moves', async () => {
    await get('/centres')
    version++
    const after = await get('/centres')
    expect(await after.text()).toContain(`v${version}`)
    expect(after.headers.get('x-page-cache')).toBe('miss')
  })

  it('keeps a page of documents only through sign-ups, until a document changes', async () => {
    const first = await get('/conventions')
    const text = await first.text()
    expect(first.headers.get(DOCUMENTS_ONLY)).toBeNull() // for the cache, not the visitor
    await (await get('/events/2')).text()
    version++ // a sign-up: seats moved, no document did
    const conventions = await get('/conventions')
    expect(conventions.headers.get('x-page-cache')).toBe('hit')
    expect(await conventions.text()).toBe(text)
    const event = await get('/events/2')
    expect(event.headers.get('x-page-cache')).toBe('miss')
    expect(await event.text()).toContain(`v${version}`)
    version++
    documents++ // a convention edited
    const edited = await get('/conventions')
    expect(edited.headers.get('x-page-cache')).toBe('miss')
    expect(await edited.text()).toContain(`v${version}`)
  })

  it('keeps the care-mode form of a page apart, answering each form from memory to its own visitors', async () => {
    const before = renders
    const care = { cookie: 'mulin_care=1' }
    const first = await get('/projects', care)
    const caring = await first.text()
    expect(caring).toContain('<h1 class="care">')
    const again = await get('/projects', care)
    expect(again.headers.get('x-page-cache')).toBe('hit')
    expect(await again.text()).toBe(caring)
    // Shared caches are told to keep it to this visitor; the mark for this cache is not sent.
    expect(again.headers.get('cache-control')).toBe('private, no-store')
    expect(again.headers.get(CARE_VARIANT)).toBeNull()
    const plain = await get('/projects')
    expect(await plain.text()).not.toContain('class="care"')
    expect((await get('/projects')).headers.get('x-page-cache')).toBe('hit')
    expect((await get('/projects', care)).headers.get('x-page-cache')).toBe('hit')
    expect(renders - before).toBe(2)
    version++ // a sign-up drops both forms
    const after = await get('/projects', care)
    expect(after.headers.get('x-page-cache')).toBe('miss')
    expect(await after.text()).toContain(`v${version}`)
  })

  it('never keeps a preview, answers that set cookies, private pages or errors', async () => {
    for (const [path, headers] of [
      ['/preview', { cookie: 'mulin_preview=token' }],
      ['/preview', { cookie: 'mulin_preview=token; mulin_care=1' }],
      ['/cookie', {}],
      ['/form', {}],
      ['/missing', {}],
    ] as const) {
      const before = renders
      await (await get(path, headers)).text()
      await (await get(path, headers)).text()
      expect(renders - before, path).toBe(2)
    }
  })

  it('keeps the status of a page written in one piece (a 404 in the page language)', async () => {
    const missing = await get('/missing/centre')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('<p>not found</p>')
  })

  it('compresses with Brotli or gzip as the browser accepts, and not at all when it does not', async () => {
    const plain = await fetch(`${base}/compressed`, { headers: { 'accept-encoding': 'identity' } })
    const text = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    // fetch would decompress by itself: read the raw bytes through node:http instead.
    const raw = async (encoding: string) => {
      const { request } = await import('node:http')
      return new Promise<{ encoding?: string; body: Buffer; vary?: string }>((resolve, reject) => {
        request(`${base}/compressed`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
              vary: res.headers.vary,
            }),
          )
        })
          .on('error', reject)
          .end()
      })
    }
    const br = await raw('gzip, deflate, br')
    expect(br.encoding).toBe('br')
    expect(br.body.length).toBeLessThan(Buffer.byteLength(text) / 4)
    expect(brotliDecompressSync(br.body).toString()).toBe(text)
    expect(br.vary).toMatch(/Accept-Encoding/i)
    const gzip = await raw('gzip')
    expect(gzip.encoding).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(text)
  })

  it('answers 304 without a body when the browser has the page already', async () => {
    const first = await get('/etag')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    await first.text()
    const again = await get('/etag', { 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    version++
    const changed = await get('/etag', { 'if-none-match': etag! })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })
})

describe('the render cache on the embedded database (a version read synchronously)', () => {
  it('looks at the version once for the requests read in one turn, and again in the next', async () => {
    let current = 1
    let looks = 0
    let rendered = 0
    const handler = pageCache(
      (_req, res) => {
        rendered++
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public' })
        res.end(`<p>v${current}</p>`)
      },
      {
        version: {
          read: () => {
            looks++
            return current
          },
        },
        versionCheckMs: 0,
        variantOf: () => '',
      },
    )
    /** A request as Node hands it over, and what was sent back. */
    const visit = () => {
      const sent: { body?: string } = {}
      const req = { method: 'GET', url: '/events', headers: {} } as IncomingMessage
      const headers = new Map<string, unknown>()
      const res = {
        setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
        getHeaders: () => Object.fromEntries(headers),
        removeHeader: (name: string) => headers.delete(name.toLowerCase()),
        writeHead: () => res,
        write: () => true,
        end: (body?: Buffer | string) => {
          sent.body = body?.toString()
          return res
        },
        once: () => res,
        statusCode: 200,
      } as unknown as ServerResponse
      return { done: handler(req, res), sent }
    }
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

    await visit().done
    expect(rendered).toBe(1)
    await nextTurn()

    // Three visitors read in the same turn: one look, all three from memory, each answered before
    // the call that received it returned (a page from memory waits for nothing, not even a promise).
    looks = 0
    const crowd = [visit(), visit(), visit()]
    expect(crowd.map((v) => v.sent.body)).toEqual(['<p>v1</p>', '<p>v1</p>', '<p>v1</p>'])
    await Promise.all(crowd.map((v) => v.done))
    expect(looks).toBe(1)
    expect(rendered).toBe(1)

    // A sign-up committed meanwhile: the next turn's visitor gets the page as it is now.
    await nextTurn()
    current = 2
    const after = visit()
    await after.done
    expect(looks).toBe(2)
    expect(after.sent.body).toBe('<p>v2</p>')
    expect(rendered).toBe(2)
  })
})
