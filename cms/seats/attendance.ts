/**
 * The district's activity per month (Shanghai time) for the figures page: events held, people
 * signed up (the seats held, which the ledger keeps on each event: confirmed and attended parties)
 * and people who came (attended parties), counted by the database in grouped queries. The page once read every event and every sign-up of the window to
 * add them up: 7,500 events and 70,000 sign-ups over a district's year, seconds per view.
 * Only totals leave here: sign-ups are personal data.
 *
 * Which events count is the public's view (`published` in cms/access: the published version) and
 * the figures' own rule: events that go ahead (status scheduled) and start in the window.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export type MonthlyActivity = { month: string; events: number; signedUp: number; attended: number }

type SqliteReader = { all: (query: ReturnType<typeof sql>) => Promise<unknown[]> }
type MongoModel = { aggregate: (pipeline: object[]) => PromiseLike<unknown[]> }

const SHANGHAI_OFFSET = '+8 hours'
const SHANGHAI_ZONE = 'Asia/Shanghai'

async function onSqlite(payload: Payload, from: Date, to: Date): Promise<MonthlyActivity[]> {
  const db = (payload.db as unknown as { drizzle: SqliteReader }).drizzle
  const [start, end] = [from.toISOString(), to.toISOString()]
  // Both read indexes only (migration 20261202_060000_figures_indexes).
  const events = (await db.all(sql`SELECT strftime('%Y-%m', start, ${SHANGHAI_OFFSET}) AS month,
      COUNT(*) AS events, SUM(COALESCE(seats_taken, 0)) AS signed_up
    FROM events
    WHERE _status = 'published' AND status = 'scheduled' AND start >= ${start} AND start < ${end}
    GROUP BY month`)) as Array<{ month: string; events: number; signed_up: number }>
  const came = (await db.all(sql`SELECT strftime('%Y-%m', e.start, ${SHANGHAI_OFFSET}) AS month,
      SUM(COALESCE(r.party_size, 1)) AS attended
    FROM events e JOIN registrations r ON r.event_id = e.id AND r.status = 'attended'
    WHERE e._status = 'published' AND e.status = 'scheduled' AND e.start >= ${start} AND e.start < ${end}
    GROUP BY month`)) as Array<{ month: string; attended: number }>
  const attended = new Map(came.map((row) => [row.month, Number(row.attended)]))
  return events.map((row) => ({
    month: row.month,
    events: Number(row.events),
    signedUp: Number(row.signed_up),
    attended: attended.get(row.month) ?? 0,
  }))
}

async function onMongo(payload: Payload, from: Date, to: Date): Promise<MonthlyActivity[]> {
  const models = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections
  const held = { _status: 'published', status: 'scheduled', start: { $gte: from, $lt: to } }
  const month = (field: string) => ({
    $dateToString: { format: '%Y-%m', date: field, timezone: SHANGHAI_ZONE },
  })
  const events = (await models.events!.aggregate([
    { $match: held },
    {
      $group: {
        _id: month('$start'),
        events: { $sum: 1 },
        signedUp: { $sum: { $ifNull: ['$seatsTaken', 0] } },
      },
    },
  ])) as Array<{ _id: string; events: number; signedUp: number }>
  const came = (await models.registrations!.aggregate([
    { $match: { status: 'attended' } },
    { $lookup: { from: 'events', localField: 'event', foreignField: '_id', as: 'e' } },
    { $unwind: '$e' },
    { $match: { 'e._status': 'published', 'e.status': 'scheduled', 'e.start': { $gte: from, $lt: to } } },
    { $group: { _id: month('$e.start'), attended: { $sum: { $ifNull: ['$partySize', 1] } } } },
  ])) as Array<{ _id: string; attended: number }>
  const attended = new Map(came.map((row) => [row._id, Number(row.attended)]))
  return events.map((row) => ({
    month: row._id,
    events: Number(row.events),
    signedUp: Number(row.signedUp),
    attended: attended.get(row._id) ?? 0,
  }))
}

/** Months (`YYYY-MM`, Shanghai time) with events held in [from, to), oldest first. */
export async function monthlyActivity(payload: Payload, from: Date, to: Date): Promise<MonthlyActivity[]> {
  const rows =
    payload.db.name === 'mongoose' ? await onMongo(payload, from, to) : await onSqlite(payload, from, to)
  return rows.sort((a, b) => a.month.localeCompare(b.month))
}
