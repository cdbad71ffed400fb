/**
 * The site's queue of page renders (scripts/lib/render-queue.ts), behind a real HTTP server: what
 * a visitor notices when many ask at once.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'

import { afterEach, describe, expect, it } from 'vitest'

import { renderQueue, TOO_BUSY } from '../../scripts/lib/render-queue'

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

/**
 * Visitors in another thread, over connections opened beforehand: the first page is asked for
 * alone; while it renders (told by a message from the server's thread) the other pages and then
 * the form post are sent, and `sent` is set. The order in which the answers ended.
 */
function visitors(port: number, first: string, pages: string[], post: string) {
  const sent = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads')
    const net = require('node:net')
    const { port, first, pages, post, sent } = workerData
    const asks = [['GET', first], ...pages.map((path) => ['GET', path]), ['POST', post]]
    const answered = []
    const sockets = asks.map(() => net.connect(port, '127.0.0.1'))
    const send = (i) =>
      sockets[i].write(asks[i][0] + ' ' + asks[i][1] + ' HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n')
    asks.forEach(([, path], i) => {
      sockets[i].on('data', () => {})
      sockets[i].on('end', () => {
        answered.push(path)
        if (answered.length === asks.length) parentPort.postMessage(answered)
      })
    })
    parentPort.once('message', () => {
      for (let i = 1; i < asks.length; i++) send(i)
      Atomics.store(sent, 0, 1)
    })
    Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', resolve)))).then(() => send(0))
    `,
    { eval: true, workerData: { port, first, pages, post, sent } },
  )
  const answered = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (order: string[]) => {
      void worker.terminate()
      resolve(order)
    })
    worker.once('error', reject)
  })
  /** Called by the first page's render: the others are on their way once this returns. */
  const othersSent = () => {
    worker.postMessage('rendering')
    const until = Date.now() + 10_000
    while (Atomics.load(sent, 0) === 0 && Date.now() < until);
    spin(20) // and in the server's sockets
  }
  return { answered, othersSent }
}

describe('page renders, first come first served', () => {
  it('reads and answers what arrives while renders wait, instead of after all of them', async () => {
    // A page renders (CPU only, as on the embedded database); meanwhile four more pages are asked
    // for, then a form post (which never waits in the queue). Node reads sockets only between
    // renders: rendered back to back as they were read, the post was answered after every page
    // that arrived before it.
    // The order is the server's, as it answered: the visitors' thread may be kept waiting by a busy
    // machine and then find every answer there at once, in no particular order.
    let othersSent = () => {}
    const answered: string[] = []
    const answer = (res: ServerResponse, path: string) => {
      res.end(path)
      answered.push(path)
    }
    const queue = renderQueue((req, res) => {
      if (req.url === '/a') othersSent()
      else spin(10)
      answer(res, req.url!)
    }, 4)
    const base = await listen((req, res) => (req.method === 'POST' ? answer(res, '/post') : queue(req, res)))
    const crowd = visitors(Number(new URL(base).port), '/a', ['/b', '/c', '/d', '/e'], '/post')
    othersSent = crowd.othersSent
    expect((await crowd.answered).length).toBe(6)
    expect(answered).toHaveLength(6)
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
    const arrived: string[] = []
    const base = await listen((req, res) => {
      arrived.push(req.url!)
      return queue(req, res)
    })
    const paths = ['/1', '/2', '/3', '/4', '/5', '/6']
    for (const path of paths) {
      void ask(`${base}${path}`)
      await new Promise((resolve) => setTimeout(resolve, 2)) // arriving one after another
    }
    await expect.poll(() => started.length).toBe(paths.length)
    expect(started).toEqual(arrived)
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

  it('answers 503 in the page’s language to a page that waited too long behind stuck renders', async () => {
    // A render stuck on a database that stopped answering holds the only place.
    let release: () => void = () => {}
    const queue = renderQueue(
      async (req, res) => {
        if (req.url === '/stuck') await new Promise<void>((resolve) => (release = resolve))
        res.end(req.url)
      },
      1,
      100,
    )
    const base = await listen(queue)
    const stuck = fetch(`${base}/stuck`)
    await expect.poll(() => queue.running).toBe(1)
    const [zh, en] = await Promise.all([fetch(`${base}/events`), fetch(`${base}/en/events`)])
    expect(zh.status).toBe(503)
    expect(zh.headers.get('retry-after')).toBe('5')
    expect(await zh.text()).toBe(TOO_BUSY.zh)
    expect(en.status).toBe(503)
    expect(await en.text()).toBe(TOO_BUSY.en)
    expect(queue.waiting).toBe(0)
    // The stuck one ends; the next page has its turn at once.
    release()
    expect(await (await stuck).text()).toBe('/stuck')
    const next = await fetch(`${base}/events`)
    expect(next.status).toBe(200)
    expect(await next.text()).toBe('/events')
  })
})
