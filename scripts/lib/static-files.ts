/**
 * The site's own files (dist/client: the stylesheet and scripts Astro built, the icons and small
 * scripts from public/), read once at start and answered from memory.
 *
 * Astro's standalone server looked for a file on disk before every page: a stat, a `send` stream
 * and an error for each of them, a twentieth of a page's cost on the uncached site. These files
 * change only with a new build, which starts the servers again, so the site knows them all at
 * start and a page goes straight to Astro.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import { etagOf, matchesEtag } from './etag'

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
}

/** Built assets have their content's hash in their name: a browser may keep them a year. */
const HASHED = '/_astro/'
const FOREVER = 'public, max-age=31536000, immutable'
/** Anything else (public/) keeps its name across builds, so a browser asks again (and gets a 304). */
const REVALIDATE = 'public, max-age=0'

type StaticFile = { body: Buffer; headers: Record<string, string> }

function* filesUnder(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(root, full)
    else if (entry.isFile() && !entry.name.startsWith('.')) yield full
  }
}

export type StaticFiles = {
  /** The file a request asks for, if it is one of these (GET and HEAD only). */
  match(req: IncomingMessage): StaticFile | undefined
  answer(req: IncomingMessage, res: ServerResponse, file: StaticFile): void
}

export function staticFiles(root: string): StaticFiles {
  const byPath = new Map<string, StaticFile>()
  for (const file of filesUnder(root)) {
    const urlPath = '/' + path.relative(root, file).split(path.sep).join('/')
    const body = readFileSync(file)
    byPath.set(urlPath, {
      body,
      headers: {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
        'Cache-Control': urlPath.startsWith(HASHED) ? FOREVER : REVALIDATE,
        ETag: etagOf(body),
        'Last-Modified': statSync(file).mtime.toUTCString(),
      },
    })
  }
  return {
    match(req) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
      const url = req.url ?? '/'
      const query = url.indexOf('?')
      return byPath.get(query === -1 ? url : url.slice(0, query))
    },
    answer(req, res, file) {
      if (matchesEtag(req.headers['if-none-match'], file.headers.ETag!)) {
        res.writeHead(304, { ETag: file.headers.ETag!, 'Cache-Control': file.headers['Cache-Control']! })
        res.end()
        return
      }
      res.writeHead(200, file.headers)
      res.end(req.method === 'HEAD' ? undefined : file.body)
    },
  }
}
