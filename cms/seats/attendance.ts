/**
 * How many people signed up for and came to each of some events, counted by the database in one
 * grouped query (the figures page once read every sign-up row to add them up: 59,000 rows for a
 * district's two years). Only totals leave here: sign-ups are personal data.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { holding, type Id } from './keys'

export type PeopleAtEvent = { signedUp: number; attended: number }

type SqliteReader = { all: (query: ReturnType<typeof sql>) => Promise<unknown[]> }
type MongoAggregator = {
  aggregate: (pipeline: object[]) => { exec: () => Promise<unknown[]> } | Promise<unknown[]>
}

/** Party sizes by event and status, for the sign-ups that hold a seat (confirmed or attended). */
async function groupedParties(
  payload: Payload,
  eventIds: Id[],
): Promise<Array<{ event: string; status: string; people: number }>> {
  if (payload.db.name === 'mongoose') {
    const registrations = (payload.db as unknown as { collections: Record<string, MongoAggregator> })
      .collections.registrations!
    const ids = eventIds.map(String)
    const pipeline = [
      { $match: { status: { $in: ['confirmed', 'attended'] } } },
      { $match: { $expr: { $in: [{ $toString: '$event' }, ids] } } },
      {
        $group: {
          _id: { event: { $toString: '$event' }, status: '$status' },
          people: { $sum: { $ifNull: ['$partySize', 1] } },
        },
      },
    ]
    const result = registrations.aggregate(pipeline)
    const rows = (await ('exec' in result ? result.exec() : result)) as Array<{
      _id: { event: string; status: string }
      people: number
    }>
    return rows.map((row) => ({ event: row._id.event, status: row._id.status, people: Number(row.people) }))
  }
  const db = (payload.db as unknown as { drizzle: SqliteReader }).drizzle
  const numbers = eventIds.map(Number).filter(Number.isInteger)
  if (numbers.length === 0) return []
  const rows = (await db.all(sql`SELECT event_id AS event, status, SUM(COALESCE(party_size, 1)) AS people
    FROM registrations
    WHERE status IN ('confirmed', 'attended') AND event_id IN (${sql.join(numbers, sql`, `)})
    GROUP BY event_id, status`)) as Array<{ event: number; status: string; people: number }>
  return rows.map((row) => ({ event: String(row.event), status: row.status, people: Number(row.people) }))
}

/** For each event asked about that anyone signed up for: people signed up (seats held) and people who came. */
export async function peopleAtEvents(payload: Payload, eventIds: Id[]): Promise<Map<string, PeopleAtEvent>> {
  const byEvent = new Map<string, PeopleAtEvent>()
  if (eventIds.length === 0) return byEvent
  // A few hundred ids a query keeps each statement well inside SQLite's limit on parameters.
  const rows = []
  for (let i = 0; i < eventIds.length; i += 500) {
    rows.push(...(await groupedParties(payload, eventIds.slice(i, i + 500))))
  }
  for (const row of rows) {
    const tally = byEvent.get(row.event) ?? { signedUp: 0, attended: 0 }
    tally.signedUp += holding(row.status, row.people).seats
    if (row.status === 'attended') tally.attended += row.people
    byEvent.set(row.event, tally)
  }
  return byEvent
}
