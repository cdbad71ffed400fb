/**
 * The district's activity per month (Shanghai time) for the figures page: events held, people
 * signed up (seats held: confirmed and attended parties) and people who came, counted by the
 * database in grouped queries. The page once read every event and every sign-up of the window to
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
  const events = (await db.all(sql`SELECT strftime('%Y-%m', start, ${SHANGHAI_OFFSET}) AS month,
      COUNT(*) AS events
    FROM events
    WHERE _status = 'published' AND status = 'scheduled' AND start >= ${start} AND start < ${end}
    GROUP BY month`)) as Array<{ month: string; events: number }>
  const people = (await db.all(sql`SELECT strftime('%Y-%m', e.start, ${SHANGHAI_OFFSET}) AS month,
      SUM(COALESCE(r.party_size, 1)) AS signed_up,
      SUM(CASE WHEN r.status = 'attended' THEN COALESCE(r.party_size, 1) ELSE 0 END) AS attended
    FROM events e JOIN registrations r ON r.event_id = e.id
    WHERE e._status = 'published' AND e.status = 'scheduled' AND e.start >= ${start} AND e.start < ${end}
      AND r.status IN ('confirmed', 'attended')
    GROUP BY month`)) as Array<{ month: string; signed_up: number; attended: number }>
  const byMonth = new Map(people.map((row) => [row.month, row]))
  return events.map((row) => ({
    month: row.month,
    events: Number(row.events),
    signedUp: Number(byMonth.get(row.month)?.signed_up ?? 0),
    attended: Number(byMonth.get(row.month)?.attended ?? 0),
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
    { $group: { _id: month('$start'), events: { $sum: 1 } } },
  ])) as Array<{ _id: string; events: number }>
  const people = (await models.registrations!.aggregate([
    { $match: { status: { $in: ['confirmed', 'attended'] } } },
    {
      $lookup: {
        from: models.events ? 'events' : 'events',
        localField: 'event',
        foreignField: '_id',
        as: 'e',
      },
    },
    { $unwind: '$e' },
    {
      $match: {
        'e._status': 'published',
        'e.status': 'scheduled',
        'e.start': { $gte: from, $lt: to },
      },
    },
    {
      $group: {
        _id: month('$e.start'),
        signedUp: { $sum: { $ifNull: ['$partySize', 1] } },
        attended: { $sum: { $cond: [{ $eq: ['$status', 'attended'] }, { $ifNull: ['$partySize', 1] }, 0] } },
      },
    },
  ])) as Array<{ _id: string; signedUp: number; attended: number }>
  const byMonth = new Map(people.map((row) => [row._id, row]))
  return events.map((row) => ({
    month: row._id,
    events: Number(row.events),
    signedUp: Number(byMonth.get(row._id)?.signedUp ?? 0),
    attended: Number(byMonth.get(row._id)?.attended ?? 0),
  }))
}

/** Months (`YYYY-MM`, Shanghai time) with events held in [from, to), oldest first. */
export async function monthlyActivity(payload: Payload, from: Date, to: Date): Promise<MonthlyActivity[]> {
  const rows =
    payload.db.name === 'mongoose' ? await onMongo(payload, from, to) : await onSqlite(payload, from, to)
  return rows.sort((a, b) => a.month.localeCompare(b.month))
}
