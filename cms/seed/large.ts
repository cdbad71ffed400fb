/**
 * `npm run seed -- --large`: adds the large data set planned in cms/seed/large-plan.ts (10,000
 * events over 24 months, 100,000 sign-ups) to a seeded district, for the benchmark (`npm run bench
 * -- --large`) and for trying the admin with years of data.
 *
 * Written straight to the tables in one transaction of the writer (cms/sqlite-writer.ts), many
 * rows per statement: through Payload's hooks, 110,000 documents would take most of an hour. The
 * rows are what Payload itself writes for a published event (its row, its texts, its published
 * version) and for a sign-up. Events carry `seed_key = 'large:…'`, so the set is added only once.
 * The embedded database only: a MongoDB district has its own data.
 */
import type { Payload } from 'payload'

import { bumpContentVersionRaw } from '../content-version'
import { ANONYMISED_NAME } from '../jobs/anonymise-personal-data'
import { confirmationCode } from '../rules/confirmation-code'
import { activeKeyOf, closedKey } from '../seats/keys'
import { retentionDays } from '../settings'
import type { RawTransaction, Writer } from '../sqlite-writer'
import { addDays, addMinutes } from './dates'
import { LARGE_DEFAULTS, type LargeOptions, planLargeDataSet } from './large-plan'

export const LARGE_SEED_KEY = 'large:'

type Value = string | number | null

/** INSERTs of many rows each, within SQLite's limit on parameters per statement. */
async function insertRows(tx: RawTransaction, table: string, columns: string[], rows: Value[][]) {
  const perStatement = Math.floor(30_000 / columns.length)
  const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const one = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    await tx.execute({ sql: head + chunk.map(() => one).join(', '), args: chunk.flat() })
  }
}

const maxId = async (tx: RawTransaction, table: string) =>
  Number((await tx.execute(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`)).rows[0]!.id)

export async function seedLargeDataSet(
  payload: Payload,
  options: Partial<LargeOptions> = {},
): Promise<{ events: number; signups: number; busyEventId: number } | { already: true }> {
  const writer = (payload.db as unknown as { writer?: Writer }).writer
  if (!writer) throw new Error('The large data set is made for the embedded database (DATABASE_URL unset).')
  const now = options.now ?? new Date()
  return writer.batched(async (tx) => {
    const existing = await tx.execute({
      sql: 'SELECT COUNT(*) AS n FROM events WHERE seed_key LIKE ?',
      args: [`${LARGE_SEED_KEY}%`],
    })
    if (Number(existing.rows[0]!.n) > 0) return { already: true as const }
    const centres = (
      await tx.execute(`SELECT id FROM centres WHERE _status = 'published' ORDER BY id`)
    ).rows.map((row) => Number(row.id))
    const plan = planLargeDataSet(centres, { ...LARGE_DEFAULTS, retentionDays, ...options, now })

    const stamp = now.toISOString()
    const firstEvent = (await maxId(tx, 'events')) + 1
    const firstVersion = (await maxId(tx, '_events_v')) + 1
    const eventId = (key: number) => firstEvent + key
    const eventRows: Value[][] = []
    const versionRows: Value[][] = []
    const textRows: Value[][] = []
    const versionTextRows: Value[][] = []
    for (const event of plan.events) {
      const id = eventId(event.key)
      const fields: Value[] = [
        event.centre,
        event.category,
        event.start.toISOString(),
        event.end.toISOString(),
        event.capacity,
        event.maxPartySize,
        1,
        addDays(event.start, -14).toISOString(),
        addMinutes(event.start, -120).toISOString(),
        event.status,
        event.seatsTaken,
        event.waitingCount,
        `${LARGE_SEED_KEY}${event.key}`,
        event.seriesOf === undefined ? null : eventId(event.seriesOf),
      ]
      eventRows.push([id, ...fields, 'published', stamp, stamp])
      versionRows.push([firstVersion + event.key, id, ...fields, 'published', stamp, stamp, 1, stamp, stamp])
      const description = `${event.title}，欢迎居民报名参加。`
      textRows.push([id, 'zh', event.title, description])
      versionTextRows.push([firstVersion + event.key, 'zh', event.title, description])
    }
    const fieldColumns = [
      'centre_id',
      'category',
      'start',
      'end',
      'capacity',
      'max_party_size',
      'waiting_list',
      'signup_opens',
      'signup_closes',
      'status',
      'seats_taken',
      'waiting_count',
      'seed_key',
      'series_id',
    ]
    await insertRows(tx, 'events', ['id', ...fieldColumns, '_status', 'updated_at', 'created_at'], eventRows)
    await insertRows(
      tx,
      '_events_v',
      [
        'id',
        'parent_id',
        ...fieldColumns.map((column) => `version_${column}`),
        'version__status',
        'version_updated_at',
        'version_created_at',
        'latest',
        'updated_at',
        'created_at',
      ],
      versionRows,
    )
    await insertRows(tx, 'events_locales', ['_parent_id', '_locale', 'title', 'description'], textRows)
    await insertRows(
      tx,
      '_events_v_locales',
      ['_parent_id', '_locale', 'version_title', 'version_description'],
      versionTextRows,
    )

    const firstSignup = (await maxId(tx, 'registrations')) + 1
    const usedCodes = new Set(
      (await tx.execute('SELECT code FROM registrations')).rows.map((row) => String(row.code)),
    )
    const signupRows: Value[][] = plan.signups.map((signup, i) => {
      const id = firstSignup + i
      let code = confirmationCode()
      while (usedCodes.has(code)) code = confirmationCode()
      usedCodes.add(code)
      const event = plan.events[signup.event]!
      const active = signup.status !== 'cancelled' && !signup.anonymised
      const created = signup.createdAt.toISOString()
      return [
        id,
        eventId(signup.event),
        event.centre,
        code,
        signup.anonymised ? ANONYMISED_NAME : signup.name,
        signup.anonymised ? '' : signup.phone,
        signup.partySize,
        signup.status,
        signup.channel,
        1,
        active ? activeKeyOf(eventId(signup.event), signup.phone) : closedKey(id),
        signup.checkedInAt?.toISOString() ?? null,
        signup.anonymised ? stamp : null,
        created,
        created,
      ]
    })
    await insertRows(
      tx,
      'registrations',
      [
        'id',
        'event_id',
        'centre_id',
        'code',
        'name',
        'phone',
        'party_size',
        'status',
        'channel',
        'consent',
        'active_key',
        'checked_in_at',
        'anonymised_at',
        'updated_at',
        'created_at',
      ],
      signupRows,
    )
    await bumpContentVersionRaw(tx)
    // Fresh statistics, so the planner picks the date index for date ranges over this much data.
    await tx.execute('ANALYZE')
    return { events: plan.events.length, signups: plan.signups.length, busyEventId: eventId(plan.busyEvent) }
  })
}
