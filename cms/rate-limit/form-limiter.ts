/**
 * The public forms' rate limit (cms/rules/rate-limit.ts), counted in the database so that every
 * process — the CMS, each site process, each server on a shared MongoDB — adds to one count per
 * client address and form. One atomic upsert per attempt; windows that ran out are deleted now
 * and then. Like cms/seats/ledger.ts, this is the only module here that knows which database runs.
 *
 * SQLite: an `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the writer's group commit
 * (cms/sqlite-writer.ts), so the count shares a commit with the sign-ups waiting at that moment.
 * MongoDB: a `findOneAndUpdate` with an update pipeline and `upsert`.
 */
import type { Payload } from 'payload'

import { type AttemptWindow, secondsLeft, withinLimit } from '../rules/rate-limit'
import { formRateLimit } from '../settings'
import { isBusy, type RawTransaction, type Writer } from '../sqlite-writer'

export const FORM_ATTEMPTS = 'form-attempts' as const

/** Both statements restate nextWindow (cms/rules/rate-limit.ts) so the database applies it atomically. */
interface AttemptStore {
  count(key: string, time: number, windowMs: number): Promise<AttemptWindow>
  read(key: string): Promise<AttemptWindow | undefined>
  forgetBefore(time: number): Promise<void>
}

/** One attempt counted inside a transaction of the writer; the window as it now stands. */
async function countAttemptRaw(
  tx: RawTransaction,
  key: string,
  time: number,
  windowMs: number,
): Promise<AttemptWindow> {
  // SET sees the row as it was: both CASEs ask whether the old window had run out.
  const result = await tx.execute({
    sql: `INSERT INTO form_attempts (attempt_key, window_start, attempts) VALUES (?, ?, 1)
      ON CONFLICT (attempt_key) DO UPDATE SET
        attempts = CASE WHEN window_start <= ? THEN 1 ELSE attempts + 1 END,
        window_start = CASE WHEN window_start <= ? THEN excluded.window_start ELSE window_start END
      RETURNING window_start, attempts`,
    args: [key, time, time - windowMs, time - windowMs],
  })
  const row = result.rows[0]!
  return { startedAt: Number(row.window_start), count: Number(row.attempts) }
}

function sqliteStore(payload: Payload, writer: Writer): AttemptStore {
  return {
    count: (key, time, windowMs) => writer.batched((tx) => countAttemptRaw(tx, key, time, windowMs)),
    read: async (key) => {
      const { docs } = await payload.find({
        collection: FORM_ATTEMPTS,
        where: { attemptKey: { equals: key } },
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      const doc = docs[0]
      return doc ? { startedAt: Number(doc.windowStart), count: Number(doc.attempts) } : undefined
    },
    forgetBefore: async (time) => {
      await writer.batched((tx) =>
        tx.execute({ sql: 'DELETE FROM form_attempts WHERE window_start <= ?', args: [time] }),
      )
    },
  }
}

type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options?: object) => Promise<unknown>
  findOne: (filter: object) => { lean: () => Promise<unknown> }
  deleteMany: (filter: object) => Promise<unknown>
}

function mongoStore(payload: Payload): AttemptStore {
  const model = () =>
    (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[FORM_ATTEMPTS]!
  const asWindow = (doc: unknown): AttemptWindow | undefined => {
    const found = doc as { windowStart?: number; attempts?: number } | null
    return found ? { startedAt: Number(found.windowStart), count: Number(found.attempts) } : undefined
  }
  return {
    async count(key, time, windowMs) {
      const expired = {
        $or: [{ $eq: [{ $type: '$windowStart' }, 'missing'] }, { $lte: ['$windowStart', time - windowMs] }],
      }
      const update = [
        {
          $set: {
            attemptKey: key,
            attempts: { $cond: [expired, 1, { $add: ['$attempts', 1] }] },
            windowStart: { $cond: [expired, time, '$windowStart'] },
          },
        },
      ]
      const options = { upsert: true, new: true, lean: true }
      try {
        return asWindow(await model().findOneAndUpdate({ attemptKey: key }, update, options))!
      } catch (error) {
        // Two first attempts at once: one inserted, the other hit the unique key; it now finds the row.
        if ((error as { code?: number }).code !== 11000) throw error
        return asWindow(await model().findOneAndUpdate({ attemptKey: key }, update, options))!
      }
    },
    read: async (key) => asWindow(await model().findOne({ attemptKey: key }).lean()),
    forgetBefore: async (time) => {
      await model().deleteMany({ windowStart: { $lte: time } })
    },
  }
}

function storeOf(payload: Payload): AttemptStore {
  const writer = (payload.db as unknown as { writer?: Writer }).writer
  return writer ? sqliteStore(payload, writer) : mongoStore(payload)
}

/** The public forms' limiter, shared by every process through the database. */
export class FormLimiter {
  private lastSweep = 0

  constructor(
    private readonly max = formRateLimit.max,
    private readonly windowMs = formRateLimit.windowSeconds * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the address has used up its attempts at this form for this window. */
  async allow(payload: Payload, form: string, address: string): Promise<boolean> {
    const store = storeOf(payload)
    const time = this.now()
    try {
      if (time - this.lastSweep >= this.windowMs) {
        // Once a window per process: what ran out before it can never count again.
        this.lastSweep = time
        await store.forgetBefore(time - this.windowMs)
      }
      return withinLimit(await store.count(keyOf(form, address), time, this.windowMs), this.max)
    } catch (error) {
      // The database stayed locked past the wait: the attempt cannot be counted. Let it through
      // rather than answer 500; the write it leads to is bounded by the same wait and refused
      // with 503 and Retry-After if the lock is still held (cms/sqlite-writer.ts).
      if (!isBusy(error)) throw error
      payload.logger.warn(
        { event: 'rate-limit-busy', form },
        'form attempt not counted: the database is busy',
      )
      return true
    }
  }

  /**
   * Counts one attempt inside a transaction of the SQLite writer, for a write that shares its
   * COMMIT (cms/seats/sqlite-signup.ts): false when the address has used up its attempts.
   */
  async allowIn(tx: RawTransaction, form: string, address: string): Promise<boolean> {
    const time = this.now()
    if (time - this.lastSweep >= this.windowMs) {
      this.lastSweep = time
      await tx.execute({
        sql: 'DELETE FROM form_attempts WHERE window_start <= ?',
        args: [time - this.windowMs],
      })
    }
    return withinLimit(await countAttemptRaw(tx, keyOf(form, address), time, this.windowMs), this.max)
  }

  /** Seconds until the address may try the form again (asked only after a refusal). */
  async retryAfter(payload: Payload, form: string, address: string): Promise<number> {
    const window = await storeOf(payload).read(keyOf(form, address))
    return secondsLeft(window, this.now(), this.windowMs)
  }
}

const keyOf = (form: string, address: string) => `${form} ${address}`

/** The one limiter of the public forms and endpoints. */
export const formLimiter = new FormLimiter()
