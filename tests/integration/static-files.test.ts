/**
 * The site's built files answered from memory (scripts/lib/static-files.ts), behind a real HTTP
 * server, with the page handler a stand-in that says which page it was asked for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { staticFiles } from '../../scripts/lib/static-files'

let root: string
let server: Server
let base: string

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'mulin-static-'))
  mkdirSync(path.join(root, '_astro'))
  writeFileSync(path.join(root, '_astro', 'index.AbC123.css'), 'body{color:#222}')
  writeFileSync(path.join(root, 'near-me.js'), 'console.log("near")')
  writeFileSync(path.join(root, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
  writeFileSync(path.join(root, '.hidden'), 'secret')
  const files = staticFiles(root)
  server = createServer((req, res) => {
    const file = files.match(req)
    if (file) return files.answer(req, res, file)
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(`page ${req.method} ${req.url}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(root, { recursive: true, force: true })
})

describe('the site’s own files', () => {
  it('answers a built stylesheet with its type, and lets browsers keep it a year', async () => {
    const response = await fetch(`${base}/_astro/index.AbC123.css`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await response.text()).toBe('body{color:#222}')
  })

  it('makes browsers check a file whose name does not change across builds, and answers 304 when they have it', async () => {
    const first = await fetch(`${base}/near-me.js?v=2`)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(first.headers.get('cache-control')).toBe('public, max-age=0')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{22}"$/)
    const again = await fetch(`${base}/near-me.js`, { headers: { 'if-none-match': `W/${etag}` } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${base}/favicon.ico`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/x-icon')
    expect(response.headers.get('content-length')).toBe('4')
  })

  it('leaves pages, other methods and hidden files to the pages', async () => {
    expect(await (await fetch(`${base}/centres`)).text()).toBe('page GET /centres')
    expect(await (await fetch(`${base}/near-me.js`, { method: 'POST' })).text()).toBe('page POST /near-me.js')
    expect(await (await fetch(`${base}/.hidden`)).text()).toBe('page GET /.hidden')
  })
})
