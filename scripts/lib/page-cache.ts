/**
 * The site's render cache, in front of Astro's handler in production (scripts/servers/site.ts).
 *
 * - A GET whose answer Astro marked `public` (cms pages for everyone, feeds, static files) is kept
 *   in memory, per URL, with its gzip and Brotli forms made once, and answered from memory until
 *   the content version moves (cms/content-version.ts: every publish, edit, delete or seat change
 *   bumps it, in any process on any machine) or the entry is a minute old (lists of "upcoming"
 *   events change with the clock, not only with the content).
 * - Care mode is a variant of a page (its cookie), kept apart under its own key, so that the
 *   elderly residents who use it are answered from memory too. Its answers go out `private` to
 *   the world (shared caches keep one form of a page); the site marks those that are public in
 *   substance with `variantHeader`. Draft preview is personal and never cached; neither is an
 *   answer that sets a cookie or is not 200.
 * - While a page is being rendered, other requests for it wait for that render instead of
 *   starting their own: a page invalidated while a WeChat group is opening it renders once.
 * - Every text answer is compressed (Brotli or gzip, as the client accepts) and carries an
 *   `ETag`; a matching `If-None-Match` gets 304 without a body.
 *
 * The version is read at most every VERSION_CHECK_MS, and requests wait for that read, so a
 * sign-up shows in the seats of every page within that time. With 0, it is read for every request
 * that is not already waiting on a read, or read in the same turn of the event loop as one that
 * looked.
 *
 * A page that read only documents (the site marks it with `documents.header`) is kept through
 * sign-ups: when only the content version moves, the pages that show seats, places or figures are
 * dropped and it stays, until the documents version moves too. A sign-up storm on one class then
 * re-renders the pages that show its seats, not the directory, conventions or case studies.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'

import { etagOf, matchesEtag } from './etag'
import type { Handler } from './serve'

export type VersionSource = { read: () => number | null | Promise<number | null> }

export type PageCacheOptions = {
  version: VersionSource
  /** How often the content version is looked at, at most. */
  versionCheckMs?: number
  /** The longest an entry is kept even if nothing changed. */
  maxAgeMs?: number
  maxEntries?: number
  maxBytes?: number
  /**
   * Which form of a page the visitor's cookies ask for: '' the page as everyone sees it; a name
   * (care mode) a variant kept apart; null a personal page (a draft preview), never kept.
   */
  variantOf: (cookies: Map<string, string>) => string | null
  /** The header of a variant's answer that is the same for everyone who asks for that variant. */
  variantHeader?: string
  /** The documents version, and the header of a page that read nothing else; without it, every move drops every page. */
  documents?: { version: VersionSource; header: string }
}

type Entry = {
  status: number
  headers: OutgoingHttpHeaders
  identity: Buffer
  gzip?: Buffer
  br?: Buffer
  etag: string
  storedAt: number
  size: number
  /** Read only documents: good until the documents version moves. */
  documentsOnly: boolean
  /** The headers sent with it, per answer (see headersFor): made once, not for every hit. */
  sent: Map<string, Readonly<OutgoingHttpHeaders>>
}

type Captured = { status: number; headers: OutgoingHttpHeaders; body: Buffer }

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg)/
const MIN_COMPRESS_BYTES = 860 // below this, headers cost more than the saving
const MAX_CAPTURE_BYTES = 4 * 1024 * 1024
const RENDER_WAIT_MS = 10_000
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    const name = (at < 0 ? part : part.slice(0, at)).trim()
    if (name) cookies.set(name, at < 0 ? '' : part.slice(at + 1).trim())
  }
  return cookies
}

type Encoding = 'br' | 'gzip'

/** An encoding the client accepts: named, with no weight or a weight above zero. */
const accepts = (name: string) =>
  new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`)
const ACCEPTS_BR = accepts('br')
const ACCEPTS_GZIP = accepts('gzip')

function pickEncoding(accept: string | string[] | undefined): Encoding | undefined {
  const text = (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).toLowerCase()
  if (ACCEPTS_BR.test(text)) return 'br'
  if (ACCEPTS_GZIP.test(text)) return 'gzip'
  return undefined
}

const isCompressible = (headers: OutgoingHttpHeaders) =>
  COMPRESSIBLE.test(String(headers['content-type'] ?? '')) && !headers['content-encoding']

/**
 * Runs Astro's handler with the response's writes collected instead of sent, so the whole answer
 * can be stored, compressed and tagged. Answers that are not text (images, downloads) or too big
 * go out as they are, streamed.
 */
function capture(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<Captured | null> {
  return new Promise((resolve, reject) => {
    const original = { writeHead: res.writeHead, write: res.write, end: res.end }
    const chunks: Buffer[] = []
    let passThrough = false
    let decided = false // whether the status and headers are known (writeHead, or a first write)
    let status = 200
    const restore = () => Object.assign(res, original)
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')

    const decide = () => {
      // Called once the headers are known: keep collecting, or hand the response back.
      decided = true
      const headers = res.getHeaders()
      const length = Number(headers['content-length'] ?? 0)
      if (!isCompressible(headers) || length > MAX_CAPTURE_BYTES) {
        passThrough = true
        restore()
        res.statusCode = status
        resolve(null)
      }
    }
    res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
      status = code
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as
        OutgoingHttpHeaders | Array<string> | undefined
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!)
      } else if (headers) {
        for (const [name, value] of Object.entries(headers))
          if (value !== undefined) res.setHeader(name, value)
      }
      decide()
      if (passThrough) return original.writeHead.call(res, code)
      return res
    } as typeof res.writeHead
    res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (!decided) {
        status = res.statusCode
        decide()
      }
      if (passThrough)
        return (original.write as (...args: unknown[]) => boolean).call(res, chunk, encoding, callback)
      const buffer = toBuffer(chunk, encoding)
      chunks.push(buffer)
      const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined
      done?.()
      return true
    } as typeof res.write
    res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (!decided) {
        status = res.statusCode
        decide()
      }
      if (passThrough)
        return (original.end as (...args: unknown[]) => ServerResponse).call(res, chunk, encoding, callback)
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
        chunks.push(toBuffer(chunk, encoding))
      restore()
      resolve({ status, headers: { ...res.getHeaders() }, body: Buffer.concat(chunks) })
      return res
    } as typeof res.end
    // A visitor who leaves mid-answer closes the response, and a file stream then stops without
    // ever calling end: without this, the render would stay pending and every later request for
    // the same address would wait for it forever.
    res.once('close', () => {
      if (passThrough || res.writableFinished) return
      restore()
      resolve(null)
    })
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      restore()
      reject(error)
    })
  })
}

function compressed(body: Buffer, encoding: Encoding, forStorage: boolean): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 })
  return brotliCompressSync(body, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: forStorage ? 9 : 4,
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
}

/**
 * The headers of an answer from an entry: its own, its tag, Vary, and those of the form sent (304,
 * identity, br, gzip) and of the cache's state (hit or miss). Made once per entry and answer; a page
 * from memory is answered with the same frozen object every time, so a hit builds no headers.
 */
function headersFor(entry: Entry, state: 'hit' | 'miss', form: 304 | 'identity' | Encoding) {
  const name = `${state} ${form}`
  let headers = entry.sent.get(name)
  if (!headers) {
    const made: OutgoingHttpHeaders = { ...entry.headers, etag: entry.etag, 'x-page-cache': state }
    delete made['content-length']
    delete made['transfer-encoding']
    const vary = String(made.vary ?? '')
    if (!/accept-encoding/i.test(vary)) made.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
    if (form !== 304) {
      if (form !== 'identity') made['content-encoding'] = form
      made['content-length'] = bodyOf(entry, form).length
    }
    headers = Object.freeze(made)
    entry.sent.set(name, headers)
  }
  return headers
}

function bodyOf(entry: Entry, form: 'identity' | Encoding): Buffer {
  return form === 'identity' ? entry.identity : (entry[form] ??= compressed(entry.identity, form, false))
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, state: 'hit' | 'miss'): void {
  if (matchesEtag(req.headers['if-none-match'] as string | undefined, entry.etag)) {
    res.writeHead(304, headersFor(entry, state, 304))
    res.end()
    return
  }
  const form =
    (entry.identity.length >= MIN_COMPRESS_BYTES && pickEncoding(req.headers['accept-encoding'])) ||
    'identity'
  res.writeHead(entry.status, headersFor(entry, state, form))
  res.end(req.method === 'HEAD' ? undefined : bodyOf(entry, form))
}

function entryOf(
  captured: Captured,
  forStorage: boolean,
  documentsHeader: string | undefined,
  variantHeader: string | undefined,
): Entry {
  const documentsOnly = documentsHeader !== undefined && captured.headers[documentsHeader] !== undefined
  const headers = forStorage ? shareable(captured.headers) : { ...captured.headers }
  if (documentsHeader) delete headers[documentsHeader]
  if (variantHeader) delete headers[variantHeader]
  const entry: Entry = {
    status: captured.status,
    headers,
    identity: captured.body,
    etag: etagOf(captured.body),
    storedAt: Date.now(),
    size: captured.body.length,
    documentsOnly,
    sent: new Map(),
  }
  if (forStorage && captured.body.length >= MIN_COMPRESS_BYTES) {
    // Made once for everyone who reads it: the best compression is worth it here.
    entry.br = compressed(captured.body, 'br', true)
    entry.gzip = compressed(captured.body, 'gzip', true)
    entry.size += entry.br.length + entry.gzip.length
  }
  return entry
}

/** Headers of one request's answer that another request must not receive. */
const PER_REQUEST_HEADERS = ['x-request-id', 'x-page-cache', 'date', 'connection', 'keep-alive', 'set-cookie']

function shareable(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const copy = { ...headers }
  for (const name of PER_REQUEST_HEADERS) delete copy[name]
  return copy
}

const isStorable = (captured: Captured, variant: string, variantHeader: string | undefined) =>
  captured.status === 200 &&
  (variant === ''
    ? /^public\b/.test(String(captured.headers['cache-control'] ?? ''))
    : variantHeader !== undefined && captured.headers[variantHeader] !== undefined) &&
  captured.headers['set-cookie'] === undefined

export function pageCache(handler: Handler, options: PageCacheOptions): Handler & { clear: () => void } {
  const versionCheckMs = options.versionCheckMs ?? 250
  const maxAgeMs = options.maxAgeMs ?? 60_000
  const maxEntries = options.maxEntries ?? 2_000
  const maxBytes = options.maxBytes ?? 96 * 1024 * 1024
  const entries = new Map<string, Entry>()
  const rendering = new Map<string, Promise<Entry | null>>()
  let bytes = 0
  let version: number | null = null
  let documentsVersion: number | null = null
  let checkedAt = 0
  let checking: Promise<void> | undefined
  const documentsHeader = options.documents?.header
  const { variantHeader } = options
  /** The headers for this cache only, never sent to a visitor. */
  const removeOwnHeaders = (res: ServerResponse) => {
    if (documentsHeader) res.removeHeader(documentsHeader)
    if (variantHeader) res.removeHeader(variantHeader)
  }

  const clear = () => {
    entries.clear()
    bytes = 0
  }
  const forget = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= entry.size
  }
  const remember = (key: string, entry: Entry) => {
    forget(key)
    entries.set(key, entry)
    bytes += entry.size
    // The Map keeps insertion order and a hit re-inserts: the first key is the least recently used.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break
      forget(oldest)
    }
  }

  /** Only seats, places or claims moved: drop the pages that show them, keep those of documents. */
  const dropLivePages = () => {
    for (const [key, entry] of entries) if (!entry.documentsOnly) forget(key)
  }
  const apply = (current: number | null, documents: number | null) => {
    if (current === null || documents === null || documents !== documentsVersion) clear()
    else if (current !== version) dropLivePages()
    version = current
    documentsVersion = documents
    checkedAt = Date.now()
  }
  const readDocuments = (current: number | null): number | null | Promise<number | null> =>
    // Unmoved content means unmoved documents: their version is read only when the content's moved.
    current !== null && current === version ? documentsVersion : (options.documents?.version.read() ?? -1)
  /**
   * Set while this turn of the event loop has looked at the version. The requests Node reads in one
   * turn arrived together (within a fraction of a millisecond when they are answered from memory)
   * and share one look, as requests share a read that is on its way; the next turn looks again.
   */
  let lookedThisTurn = false
  const nextTurn = () => {
    lookedThisTurn = false
  }
  /**
   * Brings the known versions up to date; a moved (or unknown) version empties what it must.
   * Returns a promise only when it has to wait (a read on its way, or MongoDB): on SQLite a page
   * from memory is answered in the same call that received its request, with no promise made.
   */
  const checkVersion = (): Promise<void> | undefined => {
    if (versionCheckMs > 0 && Date.now() - checkedAt < versionCheckMs) return
    if (checking) return checking
    if (lookedThisTurn) return
    const current = options.version.read()
    if (!(current instanceof Promise)) {
      // SQLite: synchronous reads
      const documents = readDocuments(current)
      if (!(documents instanceof Promise)) {
        lookedThisTurn = true
        setImmediate(nextTurn)
        apply(current, documents)
        return
      }
    }
    checking = Promise.resolve(current)
      .then(async (read) => apply(read, await readDocuments(read)))
      .finally(() => {
        checking = undefined
      })
    return checking
  }

  const uncached = async (req: IncomingMessage, res: ServerResponse) => {
    const captured = await capture(handler, req, res)
    removeOwnHeaders(res)
    if (captured) send(req, res, entryOf(captured, false, documentsHeader, variantHeader), 'miss')
  }

  const answer = ((req, res) => {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') return handler(req, res)
    const head = method === 'HEAD'
    const variant = options.variantOf(cookiesOf(req.headers.cookie))
    const url = req.url ?? '/'
    const key = variant ? `${variant} ${url}` : url
    if (head && (variant === null || !entries.has(key))) return handler(req, res)
    if (variant === null || url.length > 2_048) return uncached(req, res)
    const checking = checkVersion()
    return checking
      ? checking.then(() => fromMemoryOrRendered(req, res, key, variant, head))
      : fromMemoryOrRendered(req, res, key, variant, head)
  }) as Handler & { clear: () => void }

  /** The page from memory if it is there (answered at once), else rendered (a promise). */
  const fromMemoryOrRendered = (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    variant: string,
    head: boolean,
  ): Promise<unknown> | undefined => {
    const cacheable = version !== null
    const hit = cacheable ? entries.get(key) : undefined
    if (hit && Date.now() - hit.storedAt < maxAgeMs) {
      entries.delete(key)
      entries.set(key, hit) // most recently used
      send(req, res, hit, 'hit')
      return
    }
    return rendered(req, res, key, variant, head, cacheable)
  }

  const rendered = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    variant: string,
    head: boolean,
    cacheable: boolean,
  ) => {
    if (head) return handler(req, res)
    const pending = cacheable ? rendering.get(key) : undefined
    if (pending) {
      // A render that takes longer than this is not worth waiting for: render it here instead.
      const entry = await Promise.race([pending, sleep(RENDER_WAIT_MS).then(() => null)])
      if (entry) {
        send(req, res, entry, 'hit')
        return
      }
    }

    // Render it here; requests for the same page arriving meanwhile wait for this render.
    const versionAtRender = version
    const documentsAtRender = documentsVersion
    let settle: (entry: Entry | null) => void = () => {}
    if (cacheable) {
      rendering.set(
        key,
        new Promise<Entry | null>((resolve) => {
          settle = resolve
        }),
      )
    }
    try {
      const captured = await capture(handler, req, res)
      removeOwnHeaders(res) // for this cache, not the visitor
      if (!captured) return settle(null)
      const storable = cacheable && isStorable(captured, variant, variantHeader)
      const entry = entryOf(captured, storable, documentsHeader, variantHeader)
      // A change committed during the render may not be in it: keep it only if nothing it read moved.
      const unmoved = entry.documentsOnly
        ? documentsVersion === documentsAtRender && version !== null
        : version === versionAtRender
      if (storable && unmoved) remember(key, entry)
      settle(storable ? entry : null)
      send(req, res, entry, 'miss')
    } catch (error) {
      settle(null)
      throw error
    } finally {
      if (cacheable) rendering.delete(key)
    }
  }
  answer.clear = clear
  return answer
}
