/**
 * The invariants of cms/seats/index.ts, checked against the rows themselves: what `npm run check`
 * prints, and what the fault tests and the stress script run after their crowds and crashes.
 *
 * For every event: its seat counter equals its confirmed and attended parties and never exceeds
 * the capacity; its waiting counter equals its waiting parties; while it is still ahead and not
 * cancelled, no waiting party fits into the free seats (promotion never stalls); no mobile number
 * holds two active sign-ups. For every project role: its filled count is at least its active
 * online volunteers (staff add those who signed up on paper) and they never exceed what is needed. Queue positions are counted from the database's
 * own order (cms/seats/index.ts: queuePosition), so they cannot have gaps or repeats to check.
 */
import type { Payload } from 'payload'

import { holding } from './keys'

export type Problem = { what: string; id: number | string; detail: string }

type Tally = { seats: number; waiting: number; smallestWaiting: number; phones: Map<string, number> }

async function allRows<T>(
  payload: Payload,
  collection: 'registrations' | 'volunteers' | 'events' | 'projects',
  select: Record<string, true>,
) {
  const { docs } = await payload.find({
    collection,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    draft: false,
    select,
  } as never)
  return docs as unknown as T[]
}

export async function checkSeats(payload: Payload, now = new Date()): Promise<Problem[]> {
  const problems: Problem[] = []
  const tallies = new Map<string, Tally>()
  const registrations = await allRows<{
    event: number | string
    status: string
    partySize: number
    phone?: string | null
  }>(payload, 'registrations', { event: true, status: true, partySize: true, phone: true })
  for (const row of registrations) {
    const key = String(row.event)
    const tally = tallies.get(key) ?? { seats: 0, waiting: 0, smallestWaiting: Infinity, phones: new Map() }
    tallies.set(key, tally)
    const held = holding(row.status, row.partySize)
    tally.seats += held.seats
    tally.waiting += held.waiting
    if (held.waiting) tally.smallestWaiting = Math.min(tally.smallestWaiting, held.waiting)
    if ((held.seats || held.waiting) && row.phone)
      tally.phones.set(row.phone, (tally.phones.get(row.phone) ?? 0) + 1)
  }
  const events = await allRows<{
    id: number | string
    capacity: number
    seatsTaken?: number | null
    waitingCount?: number | null
    status?: string | null
    end: string
  }>(payload, 'events', { capacity: true, seatsTaken: true, waitingCount: true, status: true, end: true })
  for (const event of events) {
    const tally = tallies.get(String(event.id)) ?? {
      seats: 0,
      waiting: 0,
      smallestWaiting: Infinity,
      phones: new Map(),
    }
    const seats = event.seatsTaken ?? 0
    const waiting = event.waitingCount ?? 0
    if (seats !== tally.seats)
      problems.push({
        what: 'event',
        id: event.id,
        detail: `seat count ${seats}, confirmed parties ${tally.seats}`,
      })
    if (waiting !== tally.waiting)
      problems.push({
        what: 'event',
        id: event.id,
        detail: `waiting count ${waiting}, waiting parties ${tally.waiting}`,
      })
    if (tally.seats > event.capacity)
      problems.push({
        what: 'event',
        id: event.id,
        detail: `${tally.seats} seats confirmed for a capacity of ${event.capacity}`,
      })
    const ahead = event.status !== 'cancelled' && new Date(event.end) > now
    if (ahead && tally.smallestWaiting <= event.capacity - tally.seats) {
      problems.push({
        what: 'event',
        id: event.id,
        detail: `a waiting party of ${tally.smallestWaiting} fits into ${event.capacity - tally.seats} free seats`,
      })
    }
    for (const [, count] of tally.phones) {
      if (count > 1)
        problems.push({
          what: 'event',
          id: event.id,
          detail: `one mobile number holds ${count} active sign-ups`,
        })
    }
  }

  const volunteers = await allRows<{ project: number | string; roleId: string; status: string }>(
    payload,
    'volunteers',
    {
      project: true,
      roleId: true,
      status: true,
    },
  )
  const active = new Map<string, number>()
  for (const v of volunteers) {
    if (v.status !== 'active') continue
    const key = `${v.project}:${v.roleId}`
    active.set(key, (active.get(key) ?? 0) + 1)
  }
  const projects = await allRows<{
    id: number | string
    volunteerRoles?: { id?: string | null; needed: number; filled?: number | null }[] | null
  }>(payload, 'projects', { volunteerRoles: true })
  for (const project of projects) {
    for (const role of project.volunteerRoles ?? []) {
      const counted = active.get(`${project.id}:${role.id}`) ?? 0
      const filled = role.filled ?? 0
      // Staff may also record volunteers who signed up on paper, so the count may be higher.
      if (filled < counted) {
        problems.push({
          what: 'project role',
          id: `${project.id}/${role.id}`,
          detail: `filled ${filled}, fewer than its ${counted} active online volunteers`,
        })
      }
      if (counted > role.needed)
        problems.push({
          what: 'project role',
          id: `${project.id}/${role.id}`,
          detail: `${counted} volunteers for ${role.needed} places`,
        })
    }
  }
  return problems
}
