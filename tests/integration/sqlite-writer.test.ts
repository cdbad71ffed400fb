/**
 * The embedded database's writer (cms/sqlite-writer.ts): a write that cannot get the database is
 * refused within the bound and leaves nothing behind, and waiting never freezes the process.
 */
import { createClient } from '@libsql/client'
import { APIError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

process.env.DATABASE_LOCK_WAIT_MS = '1500'

const { database } = await import('../../cms/settings')
const { signUp } = await import('../../cms/signups/event-signups')
const { makeCentre, makeEvent } = await import('../helpers/fixtures')
const { testPayload } = await import('../helpers/payload')

let payload: Awaited<ReturnType<typeof testPayload>>
let centreId: number
beforeAll(async () => {
  payload = await testPayload()
  centreId = (await makeCentre(payload)).id
})

const person = (n: number) => ({ name: `居民${n}`, phone: `139${String(n).padStart(8, '0')}`, consent: 'on' })

/** Another process's connection holding SQLite's write lock while `during` runs. */
async function whileLocked<T>(during: () => Promise<T>): Promise<T> {
  if (database.kind !== 'sqlite') throw new Error('SQLite only')
  const other = createClient({ url: database.url })
  await other.execute('BEGIN IMMEDIATE')
  try {
    return await during()
  } finally {
    await other.execute('ROLLBACK')
    other.close()
  }
}

describe('writes on the embedded database', () => {
  it('refuse with 503 after the lock wait, store nothing, and keep the process answering meanwhile', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 10, maxPartySize: 1 })
    let ticks = 0
    const ticker = setInterval(() => (ticks += 1), 50)
    const started = Date.now()
    const outcome = await whileLocked(() => signUp(payload, event.id, person(1)))
    clearInterval(ticker)
    const waited = Date.now() - started

    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.status).toBe(503)
    expect(!outcome.ok && outcome.message.zh).toMatch(/正忙/)
    expect(waited).toBeGreaterThanOrEqual(1_400)
    expect(waited).toBeLessThan(4_000)
    // The event loop ran all along: about one tick per 50 ms of waiting (a busy machine delays
    // timers, so a quarter of that is asked), where a loop frozen in SQLite's own wait gets one.
    expect(ticks).toBeGreaterThan(waited / 50 / 4)
    const stored = await payload.count({
      collection: 'registrations',
      where: { event: { equals: event.id } },
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('refuse a staff save the same way: 503, and the document unchanged', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 10, maxPartySize: 1 })
    const error = await whileLocked(() =>
      payload.update({ collection: 'events', id: event.id, data: { title: '改名' } }).then(
        () => undefined,
        (failure: unknown) => failure,
      ),
    )
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).status).toBe(503)
    const after = await payload.findByID({ collection: 'events', id: event.id, depth: 0 })
    expect(after.title).toBe(event.title)
  })

  it('go through as soon as the other process lets go, within the wait', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 10, maxPartySize: 1 })
    const other = createClient({ url: database.kind === 'sqlite' ? database.url : '' })
    await other.execute('BEGIN IMMEDIATE')
    const pending = Promise.all([1, 2, 3].map((n) => signUp(payload, event.id, person(10 + n))))
    await new Promise((resolve) => setTimeout(resolve, 600))
    await other.execute('ROLLBACK')
    other.close()
    const outcomes = await pending
    expect(outcomes.every((o) => o.ok && o.value.status === 'confirmed')).toBe(true)
    const stored = await payload.count({
      collection: 'registrations',
      where: { event: { equals: event.id } },
    })
    expect(stored.totalDocs).toBe(3)
  })
})
