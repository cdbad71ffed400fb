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
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Handler } from './serve'

export type RenderQueue = Handler & {
  /** Renders running now, and requests waiting for their turn. */
  readonly running: number
  readonly waiting: number
}

type Turn = { req: IncomingMessage; res: ServerResponse; done: () => void; failed: (error: unknown) => void }

export function renderQueue(handler: Handler, concurrency: number): RenderQueue {
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
      waiting.push({ req, res, done, failed })
      schedule()
    })
  }) as RenderQueue
  Object.defineProperties(queued, {
    running: { get: () => running },
    waiting: { get: () => waiting.length },
  })
  return queued
}
