/**
 * The site's queue of page renders (scripts/lib/render-queue.ts), behind a real HTTP server: what
 * a visitor notices when many ask at once.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'

import { afterEach, describe, expect, it } from 'vitest'

import { renderQueue } from '../../scripts/lib/render-queue'

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** Spins, as a render on the embedded database does: its reads are synchronous. */
function spin(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<string> {
  server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** One request on a connection of its own; resolves with its path when the answer has arrived. */
function ask(url: string, method = 'GET'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(new URL(url).pathname))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Asks for `pages` at once and, 10 ms later, posts to `post`, from another thread; the order answered. */
function visitors(base: string, pages: string[], post: string): Promise<string[]> {
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads')
    const http = require('node:http')
    const answered = []
    const ask = (path, method) => new Promise((resolve, reject) => {
      const req = http.request(workerData.base + path, { method, agent: false }, (res) => {
        res.resume()
        res.on('end', () => { answered.push(path); resolve() })
      })
      req.on('error', reject)
      req.end()
    })
    const pages = workerData.pages.map((path) => ask(path, 'GET'))
    setTimeout(() => {
      Promise.all([...pages, ask(workerData.post, 'POST')]).then(() => parentPort.postMessage(answered))
    }, 10)
    `,
    { eval: true, workerData: { base, pages, post } },
  )
  return new Promise((resolve, reject) => {
    worker.once('message', (answered: string[]) => {
      void worker.terminate()
      resolve(answered)
    })
    worker.once('error', reject)
  })
}

describe('page renders, first come first served', () => {
  it('reads and answers what arrives while renders wait, instead of after all of them', async () => {
    // Five pages asked for at once, each render 40 ms of CPU; 10 ms later, a form post (which
    // never waits in the queue). Node reads sockets only between renders: rendered back to back,
    // the post was read, and answered, after every page that was waiting before it.
    const queue = renderQueue((req, res) => {
      spin(40)
      res.end(req.url)
    }, 4)
    const base = await listen((req, res) => (req.method === 'POST' ? res.end('/post') : queue(req, res)))
    // The visitors are a thread of their own: this one is busy rendering.
    const answered = await visitors(base, ['/a', '/b', '/c', '/d', '/e'], '/post')
    // (Which page came first depends on how the five connections raced; the post never waits for all.)
    expect(answered.indexOf('/post')).toBeLessThan(answered.length - 1)
  })

  it('starts renders in the order their requests arrived, at most `concurrency` at once', async () => {
    let running = 0
    let most = 0
    const started: string[] = []
    const queue = renderQueue(async (req, res) => {
      started.push(req.url!)
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 20)) // a render that waits on a database server
      running--
      res.end(req.url)
    }, 2)
    const base = await listen(queue)
    const paths = ['/1', '/2', '/3', '/4', '/5', '/6']
    for (const path of paths) {
      void ask(`${base}${path}`)
      await new Promise((resolve) => setTimeout(resolve, 2)) // arriving one after another
    }
    await expect.poll(() => started.length).toBe(paths.length)
    expect(started).toEqual(paths)
    expect(most).toBe(2)
  })

  it('renders nothing for a visitor who left while waiting, and keeps going after a failed render', async () => {
    const rendered: string[] = []
    const queue = renderQueue(async (req, res) => {
      rendered.push(req.url!)
      if (req.url === '/fails') throw new Error('render failed')
      res.end('ok')
    }, 1)
    const gone = { method: 'GET', url: '/gone' } as IncomingMessage
    const goneResponse = { destroyed: true } as ServerResponse
    const fails = { method: 'GET', url: '/fails' } as IncomingMessage
    const next = { method: 'GET', url: '/next' } as IncomingMessage
    const answer = { destroyed: false, end: () => {} } as unknown as ServerResponse

    const results = await Promise.allSettled([
      queue(gone, goneResponse),
      queue(fails, answer),
      queue(next, answer),
    ])
    expect(rendered).toEqual(['/fails', '/next'])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(queue.running).toBe(0)
    expect(queue.waiting).toBe(0)
  })

  it('lets form posts through without waiting', async () => {
    let release: () => void = () => {}
    const queue = renderQueue(
      (req) =>
        req.method === 'POST'
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              release = resolve
            }),
      1,
    )
    const page = queue({ method: 'GET', url: '/' } as IncomingMessage, {} as ServerResponse)
    await new Promise((resolve) => setImmediate(resolve))
    expect(queue.running).toBe(1)
    await queue({ method: 'POST', url: '/events/1' } as IncomingMessage, {} as ServerResponse)
    release()
    await page
  })
})
