/**
 * The atomic counters behind sign-ups: an event's seats and waiting list, a project role's
 * volunteers. Each change is one conditional write that the database applies or refuses as a
 * whole, so two sign-ups for the last seat (from the site and a kiosk, from two processes, from
 * two machines on MongoDB) can never both get it. This module and cms/database.ts are the only
 * ones that know which database runs; everything else calls `seatLedger(req)`.
 *
 * SQLite: single `UPDATE … WHERE <guard>` statements on the request's own transaction (Payload
 * opens an immediate transaction for every write, so the statement takes part in it and rolls
 * back with it). MongoDB: guarded `findOneAndUpdate`/`updateOne`, outside any session, so two
 * sign-ups never abort each other with a write conflict.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

type Id = number | string

/**
 * The order of a waiting list: the order in which the database decided the sign-ups. SQLite's
 * row ids grow in the order its single writer committed them; MongoDB orders by time.
 */
export const queueOrder = (payload: Payload): string[] =>
  payload.db.name === 'mongoose' ? ['createdAt', 'id'] : ['id']

export interface SeatLedger {
  /**
   * Takes `seats` of an event's capacity if that many are free; with `behindQueue`, only when no
   * one is waiting (a newcomer never overtakes the waiting list). True when taken.
   */
  take(eventId: Id, seats: number, options?: { behindQueue?: boolean }): Promise<boolean>
  /** Gives seats back (a cancellation, a smaller party). */
  give(eventId: Id, seats: number): Promise<void>
  /** Adds (positive) or removes (negative) people on the event's waiting list count. */
  queue(eventId: Id, people: number): Promise<void>
  /** Moves one sign-up from waiting to confirmed, only if it is still waiting. True when moved. */
  confirmWaiting(registrationId: Id): Promise<boolean>
  /** Takes one place of a project's volunteer role if one is open. True when taken. */
  takeRole(projectId: Id, roleId: string): Promise<boolean>
  /** Gives a volunteer role's place back. */
  giveRole(projectId: Id, roleId: string): Promise<void>
}

/** A change to an event's counters made during a write, to undo if the write then fails. */
export type SeatMove = { eventId: Id; seats: number; waiting: number }

/**
 * Undoes the counter changes of a write that failed. On SQLite they ran inside the write's own
 * transaction and were rolled back with it; on MongoDB they ran outside it (see above) and are
 * given back here.
 */
export async function undoSeatMoves(payload: Payload, moves: SeatMove[] | undefined): Promise<void> {
  if (!moves?.length || payload.db.name !== 'mongoose') return
  const { createLocalReq } = await import('payload')
  const ledger = seatLedger(await createLocalReq({}, payload))
  for (const move of moves.reverse()) {
    if (move.seats > 0) await ledger.give(move.eventId, move.seats)
    if (move.seats < 0) await ledger.take(move.eventId, -move.seats)
    if (move.waiting !== 0) await ledger.queue(move.eventId, -move.waiting)
  }
}

export function seatLedger(req: PayloadRequest): SeatLedger {
  return req.payload.db.name === 'mongoose' ? mongoLedger(req) : sqliteLedger(req)
}

type SqlRunner = { run: (query: ReturnType<typeof sql>) => Promise<{ rowsAffected: number }> }
type SqliteAdapter = { drizzle: SqlRunner; sessions: Record<string, { db: SqlRunner } | undefined> }

function sqliteLedger(req: PayloadRequest): SeatLedger {
  const adapter = req.payload.db as unknown as SqliteAdapter
  // The statement must run on the request's transaction: another connection would wait for the
  // lock that very transaction holds.
  const run = async (query: ReturnType<typeof sql>) => {
    const transactionID = req.transactionID ? await req.transactionID : undefined
    const db = (transactionID !== undefined && adapter.sessions[String(transactionID)]?.db) || adapter.drizzle
    return (await db.run(query)).rowsAffected
  }
  const number = (id: Id) => Number(id)
  return {
    async take(eventId, seats, { behindQueue = false } = {}) {
      const changed = await run(sql`UPDATE events SET seats_taken = COALESCE(seats_taken, 0) + ${seats}
        WHERE id = ${number(eventId)} AND COALESCE(seats_taken, 0) + ${seats} <= capacity
        AND (${behindQueue ? 1 : 0} = 0 OR COALESCE(waiting_count, 0) <= 0)`)
      return changed === 1
    },
    async give(eventId, seats) {
      await run(sql`UPDATE events SET seats_taken = MAX(0, COALESCE(seats_taken, 0) - ${seats})
        WHERE id = ${number(eventId)}`)
    },
    async queue(eventId, people) {
      await run(sql`UPDATE events SET waiting_count = MAX(0, COALESCE(waiting_count, 0) + ${people})
        WHERE id = ${number(eventId)}`)
    },
    async confirmWaiting(registrationId) {
      const changed = await run(sql`UPDATE registrations SET status = 'confirmed',
        updated_at = ${new Date().toISOString()} WHERE id = ${number(registrationId)} AND status = 'waiting'`)
      return changed === 1
    },
    async takeRole(projectId, roleId) {
      const changed = await run(sql`UPDATE projects_volunteer_roles SET filled = COALESCE(filled, 0) + 1
        WHERE _parent_id = ${number(projectId)} AND id = ${roleId} AND COALESCE(filled, 0) < COALESCE(needed, 0)`)
      return changed === 1
    },
    async giveRole(projectId, roleId) {
      await run(sql`UPDATE projects_volunteer_roles SET filled = MAX(0, COALESCE(filled, 0) - 1)
        WHERE _parent_id = ${number(projectId)} AND id = ${roleId}`)
    },
  }
}

type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options?: object) => Promise<unknown>
  updateOne: (filter: object, update: object, options?: object) => Promise<{ modifiedCount: number }>
}
type MongoAdapter = { collections: Record<string, MongoModel> }

function mongoLedger(req: PayloadRequest): SeatLedger {
  const models = (req.payload.db as unknown as MongoAdapter).collections
  const events = () => models.events!
  const orZero = (field: string) => ({ $ifNull: [`$${field}`, 0] })
  return {
    async take(eventId, seats, { behindQueue = false } = {}) {
      const guard: object[] = [{ $lte: [{ $add: [orZero('seatsTaken'), seats] }, '$capacity'] }]
      if (behindQueue) guard.push({ $lte: [orZero('waitingCount'), 0] })
      const taken = await events().findOneAndUpdate(
        { _id: eventId, $expr: { $and: guard } },
        { $inc: { seatsTaken: seats } },
        { new: true },
      )
      return taken !== null
    },
    async give(eventId, seats) {
      await events().updateOne({ _id: eventId }, [
        { $set: { seatsTaken: { $max: [0, { $subtract: [orZero('seatsTaken'), seats] }] } } },
      ])
    },
    async queue(eventId, people) {
      await events().updateOne({ _id: eventId }, [
        { $set: { waitingCount: { $max: [0, { $add: [orZero('waitingCount'), people] }] } } },
      ])
    },
    async confirmWaiting(registrationId) {
      const { modifiedCount } = await models.registrations!.updateOne(
        { _id: registrationId, status: 'waiting' },
        { $set: { status: 'confirmed', updatedAt: new Date() } },
      )
      return modifiedCount === 1
    },
    async takeRole(projectId, roleId) {
      const openRole = {
        $filter: {
          input: { $ifNull: ['$volunteerRoles', []] },
          cond: {
            $and: [
              { $eq: ['$$this.id', roleId] },
              { $lt: [{ $ifNull: ['$$this.filled', 0] }, { $ifNull: ['$$this.needed', 0] }] },
            ],
          },
        },
      }
      const taken = await models.projects!.findOneAndUpdate(
        { _id: projectId, $expr: { $gt: [{ $size: openRole }, 0] } },
        { $inc: { 'volunteerRoles.$[role].filled': 1 } },
        { arrayFilters: [{ 'role.id': roleId }], new: true },
      )
      return taken !== null
    },
    async giveRole(projectId, roleId) {
      await models.projects!.updateOne(
        { _id: projectId, volunteerRoles: { $elemMatch: { id: roleId, filled: { $gt: 0 } } } },
        { $inc: { 'volunteerRoles.$[role].filled': -1 } },
        { arrayFilters: [{ 'role.id': roleId }] },
      )
    },
  }
}
