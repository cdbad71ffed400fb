/**
 * How this process writes to the embedded SQLite file, so that every answer is true.
 *
 * Payload's own SQLite transactions could report a commit that never happened: its
 * `commitTransaction` waits on a promise whose failure it has already swallowed, so a COMMIT refused
 * by SQLite (a locked file, a full disk) still answered "201 created". And libsql runs SQLite
 * synchronously, so a write that waited on SQLite's busy timeout froze the whole process, every
 * other request included, for up to ten seconds at a time.
 *
 * Here instead:
 * - every write of this process goes through one connection of its own (the writer), one
 *   transaction at a time, in the order they asked: a queue in JavaScript, never a wait inside
 *   SQLite that blocks the event loop;
 * - `BEGIN IMMEDIATE` takes SQLite's write lock without waiting; while another process (the site,
 *   the CMS, a backup) holds it, the attempt is repeated with short sleeps until
 *   DATABASE_LOCK_WAIT_MS have passed, and then refused with 503 and a plain sentence;
 * - COMMIT is awaited and its failure reported: nothing is called done before SQLite says so;
 * - a write that Payload makes outside a transaction gets one of its own, so it too waits its turn.
 *
 * Reads use Payload's own connection and never wait: in WAL mode they read the last commit.
 */
import { randomUUID } from 'node:crypto'

import { type Client, createClient } from '@libsql/client'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { APIError } from 'payload'

import { openRawConnection, type RawConnection, type RawTransaction } from './sqlite-raw'

export type { RawTransaction } from './sqlite-raw'

/** How long a write may wait for the database before it is refused (queue and lock together). */
export const LOCK_WAIT_MS = (() => {
  const value = Number(process.env.DATABASE_LOCK_WAIT_MS)
  return Number.isInteger(value) && value > 0 ? value : 5_000
})()

/** How long a read waits on SQLite's lock (rare in WAL mode: only while a crashed writer is recovered). */
export const READ_BUSY_TIMEOUT_MS = 5_000

export const BUSY_MESSAGE = {
  zh: '系统正忙，这次没有保存。请稍等几秒再试一次。',
  en: 'The system is busy and nothing was saved. Please try again in a few seconds.',
}

/** The answer to a write that could not get the database in time: 503, try again. */
export class DatabaseBusyError extends APIError {
  override name = 'DatabaseBusyError'
  constructor() {
    super(`${BUSY_MESSAGE.zh} ${BUSY_MESSAGE.en}`, 503, { ...BUSY_MESSAGE, retryAfterSeconds: 5 }, true)
  }
}

/** SQLite's "database is locked", however deeply libsql or drizzle wrapped it. */
export function isBusy(error: unknown): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e;) {
    if (e instanceof DatabaseBusyError) return true
    if (
      e.code === 'SQLITE_BUSY' ||
      e.code === 'SQLITE_LOCKED' ||
      /database is locked/i.test(e.message ?? '')
    ) {
      return true
    }
    e = e.cause as typeof e
  }
  return false
}

type Job = {
  work: (tx: RawTransaction) => Promise<unknown>
  done: (error: unknown, value?: unknown) => void
  queuedAt: number
}

/** What the adapter gains: group commit for the hottest writes (sign-ups). */
export type Writer = {
  /**
   * Runs `work` inside a transaction shared with the other jobs waiting at that moment, each in a
   * savepoint of its own (one job's failure undoes only its own statements), and resolves only
   * after the shared COMMIT has succeeded. One fsync and one lock hand-over for many sign-ups.
   */
  batched<T>(work: (tx: RawTransaction) => Promise<T>): Promise<T>
}

/** The most jobs committed together: enough for a crowd, small enough to keep the lock short. */
const BATCH_LIMIT = 200

type Session = { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }
type AnyArgs = { req?: Record<string, unknown> & { transactionID?: unknown } } & Record<string, unknown>
export type WriterAdapter = {
  client?: Client
  clientConfig?: { url: string }
  schema?: Record<string, unknown>
  sessions: Record<string, Session | undefined>
  connect?: (options?: unknown) => Promise<void>
  beginTransaction?: (options?: unknown) => Promise<number | string | null>
  commitTransaction?: (id: number | string | Promise<number | string>) => Promise<void>
  rollbackTransaction?: (id: number | string | Promise<number | string>) => Promise<void>
  writer?: Writer
} & Record<string, unknown>

/** Payload's adapter methods that write. Called without a transaction, each gets its own. */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Replaces Payload's transactions on a SQLite adapter with the writer described above. */
export function installWriter(adapter: WriterAdapter): void {
  // Two connections, one turn: `client` for Payload's own transactions (drizzle needs it), `raw`
  // for the group-committed jobs (cms/sqlite-raw.ts). Only the one holding the turn writes.
  let client: Client | undefined
  let raw: RawConnection | undefined
  let db: unknown
  let tail: Promise<void> = Promise.resolve()
  const releases = new Map<string, () => void>()

  /** Opens the writer's connection, with the settings it needs. */
  async function openWriter(url: string): Promise<void> {
    client = createClient({ url })
    // No waiting inside SQLite: a busy lock is retried below without blocking the event loop.
    await client.execute('PRAGMA busy_timeout = 0')
    // Each commit reaches the disk before it is reported (Payload's own setting for WAL).
    await client.execute('PRAGMA synchronous = FULL')
    await client.execute('PRAGMA foreign_keys = ON')
    db = drizzle(client, { schema: adapter.schema as Record<string, never> })
    raw = openRawConnection(url.replace(/^file:/, ''))
  }

  /**
   * A BEGIN refused with SQLITE_BUSY stays "in progress" inside the connection (SQLite keeps a
   * busy statement resumable), and every later COMMIT on it would then fail with "SQL statements
   * in progress". The connection is replaced instead of reused.
   */
  async function renewWriter(): Promise<void> {
    const url = adapter.clientConfig!.url
    for (const connection of [client, raw]) {
      try {
        connection?.close()
      } catch {
        // closing a connection that is already unusable
      }
    }
    await openWriter(url)
  }

  const connect = adapter.connect
  adapter.connect = async function (this: WriterAdapter, options?: unknown) {
    // The writer first: Payload's connect may run migrations, which are writes.
    if (!client) await openWriter(this.clientConfig!.url)
    await connect?.call(this, options)
  }

  /** Waits for this process's earlier writes; the release hands the turn to the next. */
  async function takeTurn(deadline: number): Promise<() => void> {
    // libsql answers synchronously, so a long run of writes (a seed, an import) would otherwise
    // never give the event loop a turn: requests, timers and a test runner's messages would wait.
    await new Promise((resolve) => setImmediate(resolve))
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const before = tail
    tail = before.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))
    })
    const outcome = await Promise.race([before.then(() => 'turn' as const), late])
    clearTimeout(timer)
    if (outcome === 'late') {
      // Pass the turn on when it comes, so the writes queued behind this one keep moving.
      void before.then(release)
      throw new DatabaseBusyError()
    }
    return release
  }

  /** Takes SQLite's write lock, retrying while another process holds it, until the deadline. */
  async function beginImmediate(deadline: number, on: 'client' | 'raw' = 'client'): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if (on === 'raw') raw!.run('BEGIN IMMEDIATE')
        else await client!.execute('BEGIN IMMEDIATE')
        return
      } catch (error) {
        if (!isBusy(error)) throw error
        await renewWriter()
        if (Date.now() >= deadline) throw new DatabaseBusyError()
        await sleep(Math.min(2 ** attempt, 50, Math.max(1, deadline - Date.now())))
      }
    }
  }

  async function rollbackQuietly(on: 'client' | 'raw' = 'client'): Promise<void> {
    try {
      if (on === 'raw') raw!.run('ROLLBACK')
      else await client!.execute('ROLLBACK')
    } catch {
      // nothing was open (SQLite already rolled back after the failed statement)
    }
  }

  adapter.beginTransaction = async function () {
    if (!client) throw new Error('The database writer is not connected yet.')
    const deadline = Date.now() + LOCK_WAIT_MS
    const release = await takeTurn(deadline)
    try {
      await beginImmediate(deadline)
    } catch (error) {
      release()
      throw error
    }
    const id = randomUUID()
    releases.set(id, release)
    // Payload's own commit and rollback call these; ours below do the same and report failures.
    adapter.sessions[id] = {
      db,
      resolve: () => adapter.commitTransaction!(id),
      reject: () => adapter.rollbackTransaction!(id),
    }
    return id
  }

  const idOf = async (incoming: number | string | Promise<number | string>) => {
    try {
      return String(await incoming)
    } catch {
      return undefined // the transaction never began
    }
  }

  adapter.commitTransaction = async function (incoming) {
    const id = await idOf(incoming)
    if (id === undefined || !adapter.sessions[id]) return
    delete adapter.sessions[id]
    const release = releases.get(id)
    releases.delete(id)
    try {
      await client!.execute('COMMIT')
    } catch (error) {
      await rollbackQuietly()
      throw isBusy(error) ? new DatabaseBusyError() : error
    } finally {
      release?.()
    }
  }

  adapter.rollbackTransaction = async function (incoming) {
    const id = await idOf(incoming)
    if (id === undefined || !adapter.sessions[id]) return
    delete adapter.sessions[id]
    const release = releases.get(id)
    releases.delete(id)
    try {
      await rollbackQuietly()
    } finally {
      release?.()
    }
  }

  const pending: Job[] = []
  let flushing = false

  async function flush(): Promise<void> {
    flushing = true
    try {
      while (pending.length > 0) {
        const deadline = Date.now() + LOCK_WAIT_MS
        let release: (() => void) | undefined
        let began = false
        let jobs: Job[] = []
        const outcomes: { error?: unknown; value?: unknown }[] = []
        try {
          release = await takeTurn(deadline)
          await beginImmediate(deadline, 'raw')
          began = true
          // Everyone who arrived while this batch waited for the lock rides along.
          jobs = pending.splice(0, BATCH_LIMIT)
          const connection = raw!
          for (const [index, job] of jobs.entries()) {
            connection.run(`SAVEPOINT job${index}`)
            try {
              outcomes.push({ value: await job.work(connection) })
              connection.run(`RELEASE job${index}`)
            } catch (error) {
              connection.run(`ROLLBACK TO job${index}`)
              connection.run(`RELEASE job${index}`)
              outcomes.push({ error })
            }
          }
          connection.run('COMMIT')
        } catch (error) {
          if (began) await rollbackQuietly('raw')
          const failure = isBusy(error) ? new DatabaseBusyError() : error
          // Nothing of this batch was committed, and every job in it hears so; jobs that have
          // not yet waited their full time stay queued for the next attempt.
          const now = Date.now()
          const refused =
            jobs.length > 0
              ? jobs
              : isBusy(error)
                ? pending.filter((job) => job.queuedAt + LOCK_WAIT_MS <= now)
                : pending.slice()
          for (const job of refused) {
            if (jobs.length === 0) pending.splice(pending.indexOf(job), 1)
            job.done(failure)
          }
          continue
        } finally {
          release?.()
        }
        jobs.forEach((job, index) => job.done(outcomes[index]!.error, outcomes[index]!.value))
      }
    } finally {
      flushing = false
    }
  }

  const writer: Writer = {
    batched<T>(work: (tx: RawTransaction) => Promise<T>): Promise<T> {
      if (!client) return Promise.reject(new Error('The database writer is not connected yet.'))
      return new Promise<T>((resolve, reject) => {
        pending.push({
          work,
          queuedAt: Date.now(),
          done: (error, value) => (error === undefined ? resolve(value as T) : reject(error)),
        })
        if (!flushing) void flush()
      })
    },
  }
  adapter.writer = writer

  for (const name of WRITE_METHODS) {
    const original = adapter[name] as ((args: AnyArgs) => Promise<unknown>) | undefined
    if (typeof original !== 'function') continue
    adapter[name] = async function (this: WriterAdapter, args: AnyArgs) {
      if (args?.req?.transactionID) return original.call(this, args)
      const id = (await adapter.beginTransaction!())!
      // The caller's request, seen through a layer that adds the transaction.
      const req = Object.assign(Object.create(args?.req ?? null) as object, { transactionID: id })
      try {
        const result = await original.call(this, { ...args, req })
        await adapter.commitTransaction!(id)
        return result
      } catch (error) {
        await adapter.rollbackTransaction!(id)
        throw isBusy(error) ? new DatabaseBusyError() : error
      }
    }
  }
}
