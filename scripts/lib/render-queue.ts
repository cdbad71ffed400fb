/**
 * Page renders in the order their requests arrived, each started on a turn of the event loop of
 * its own (scripts/servers/site.ts).
 *
 * On the embedded database a render is all CPU: its reads are synchronous, so a render started
 * runs to its end before Node reads another socket. Node reads every socket that is ready in one
 * go and renders each request as it reads it; a request that arrives meanwhile waits, unread,
 * until all of those are done, and then takes its place among the next batch in whatever order
 * the sockets come. So with 25 visitors at once some waited one batch and some two: measured with
 * a server that only spins 1.3 ms a request, p50 32 ms and p99 66 ms at 25 connections.
 *
 * Here a request is only queued when it is read, and renders are started from the queue one per
 * turn of the loop (setImmediate), so that between two renders Node reads what has arrived and
 * queues it behind those already waiting: first come, first served. The same spinning server then
 * answers at p50 35 ms and p99 39 ms: everyone waits about the same. Up to `concurrency` renders
 * run at once, for renders that wait on a database across the network (MongoDB).
 *
 * Only renders wait here. Static files and the render cache's hits never do, nor do form posts
 * (a sign-up waits on the database's group commit, and holding it back would shrink the groups).
 *
 * A request that has waited `maxWaitMs` for its turn (renders stuck on a database that stopped
 * answering hold every place) is answered 503 with a plain sentence in the page's language and
 * `Retry-After`, instead of waiting for as long as the visitor will.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { isEnglishPath } from '../../cms/rules/request-path'
import type { Handler } from './serve'

export type RenderQueue = Handler & {
  /** Renders running now, and requests waiting for their turn. */
  readonly running: number
  readonly waiting: number
}

type Turn = {
  req: IncomingMessage
  res: ServerResponse
  done: () => void
  failed: (error: unknown) => void
  timer?: NodeJS.Timeout
}

export const TOO_BUSY = {
  zh: '现在看这个页面的人很多，这次没能打开。请稍等几秒再试一次。',
  en: 'Very many people are opening pages right now and this one could not be shown. Please try again in a few seconds.',
}

/** 503 in the page's language: the site's pages are Chinese, and English under /en. */
function tooBusy(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return
  const english = isEnglishPath(req.url ?? '/')
  res.writeHead(503, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '5',
  })
  res.end(english ? TOO_BUSY.en : TOO_BUSY.zh)
}

export function renderQueue(handler: Handler, concurrency: number, maxWaitMs = Infinity): RenderQueue {
  const waiting: Turn[] = []
  let running = 0
  let scheduled = false

  const schedule = () => {
    if (scheduled || waiting.length === 0 || running >= concurrency) return
    scheduled = true
    setImmediate(startNext)
  }
  function startNext(): void {
    scheduled = false
    const turn = waiting.shift()
    if (!turn) return
    clearTimeout(turn.timer)
    running++
    void run(turn)
    schedule() // the next one, if there is room, on the loop's next turn
  }
  async function run({ req, res, done, failed }: Turn): Promise<void> {
    try {
      // A visitor who gave up while waiting gets nothing rendered for them.
      if (!res.destroyed) await handler(req, res)
      done()
    } catch (error) {
      failed(error)
    } finally {
      running--
      schedule()
    }
  }

  const queued = ((req, res) => {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') return handler(req, res)
    return new Promise<void>((done, failed) => {
      const turn: Turn = { req, res, done, failed }
      if (Number.isFinite(maxWaitMs)) {
        turn.timer = setTimeout(() => {
          const at = waiting.indexOf(turn)
          if (at === -1) return
          waiting.splice(at, 1)
          tooBusy(req, res)
          done()
        }, maxWaitMs)
      }
      waiting.push(turn)
      schedule()
    })
  }) as RenderQueue
  Object.defineProperties(queued, {
    running: { get: () => running },
    waiting: { get: () => waiting.length },
  })
  return queued
}
