/**
 * Keeps an event's seat and waiting-list counters in step with its sign-ups, through the atomic
 * ledger (cms/seat-ledger.ts), whoever makes the change: the site's form, the REST endpoint, staff
 * in the admin. Runs inside Payload's write, so on SQLite a refused or failed save rolls the
 * counter back with it.
 */
import type {
  Payload,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { centreIdsOf, isDistrictAdmin } from '../access'
import { confirmationCode, normaliseMobile } from '../rules/confirmation-code'
import { refusal } from '../rules/refusal'
import { REFUSED, signupState, type SignupEvent } from '../rules/signup'
import { partiesToPromote } from '../rules/waiting-list'
import { queueOrder, type SeatMove, seatLedger } from '../seat-ledger'

type Id = number | string
const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

type Holding = { seats: number; waiting: number }
/** What a sign-up in a status holds: seats (confirmed, attended) or places in the queue. */
export function holding(status: string | null | undefined, partySize: number | null | undefined): Holding {
  const size = Math.max(1, partySize ?? 1)
  if (status === 'confirmed' || status === 'attended') return { seats: size, waiting: 0 }
  if (status === 'waiting') return { seats: 0, waiting: size }
  return { seats: 0, waiting: 0 }
}

export const activeKeyOf = (eventId: Id, phone: string) => `${eventId}:${phone}`
export const closedKey = (id: Id | string) => `closed:${id}`

type EventRow = SignupEvent & { id: Id; centre: unknown }

async function loadEvent(req: PayloadRequest, eventId: Id): Promise<EventRow> {
  const event = await req.payload.db.findOne<EventRow>({
    collection: 'events',
    where: { id: { equals: eventId } },
    req,
  })
  if (!event) throw refusal({ zh: '没有找到这个活动。', en: 'No such event.' }, 404)
  return event
}

export const registrationBeforeChange: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const eventId = idOf(data.event ?? originalDoc?.event)!
  if (operation === 'update' && String(eventId) !== String(idOf(originalDoc?.event))) {
    throw refusal({
      zh: '报名不能改到别的活动。请取消后重新报名。',
      en: 'A sign-up cannot move to another event; cancel it and sign up again.',
    })
  }
  const event = await loadEvent(req, eventId)
  // The owning centre always follows the event, so staff access cannot be sidestepped.
  data.centre = idOf(event.centre)
  if (
    !isDistrictAdmin(req) &&
    req.user &&
    !centreIdsOf(req).some((id) => String(id) === String(data.centre))
  ) {
    throw refusal({ zh: '只能为本中心的活动登记报名。', en: 'Only for your own centre’s events.' }, 403)
  }
  const partySize = data.partySize ?? originalDoc?.partySize ?? 1
  if (partySize > (event.maxPartySize ?? 1)) {
    throw refusal({
      zh: `这个活动每次最多报名 ${event.maxPartySize} 人。`,
      en: `At most ${event.maxPartySize} per sign-up for this event.`,
    })
  }
  if (typeof data.phone === 'string') data.phone = normaliseMobile(data.phone) ?? data.phone
  const phone = (data.phone ?? originalDoc?.phone) as string

  const ledger = seatLedger(req)
  const before =
    operation === 'create' ? holding(null, 0) : holding(originalDoc?.status, originalDoc?.partySize)
  let status: string = data.status ?? originalDoc?.status ?? 'confirmed'

  if (operation === 'create') {
    if (!data.code) data.code = confirmationCode()
    const state = signupState(event)
    const online = (data.channel ?? 'online') === 'online'
    // Staff may still add someone at the door after online sign-up has closed, or record a paper
    // sign-in sheet afterwards; nobody signs up for a cancelled event.
    const refused =
      state === 'cancelled'
        ? state
        : online && (state === 'past' || state === 'not-open' || state === 'closed' || state === 'running')
          ? state
          : undefined
    if (refused && status !== 'cancelled') throw refusal(REFUSED[refused], REFUSED[refused].status)
    if (phone && status !== 'cancelled') {
      const { docs } = await req.payload.find({
        collection: 'registrations',
        where: { activeKey: { equals: activeKeyOf(eventId, phone) } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        select: { code: true },
        req,
      })
      if (docs[0]) {
        throw refusal(
          {
            zh: `这个手机号码已经报过这场活动（确认码 ${docs[0].code}），不能重复报名。`,
            en: `This number is already signed up for this event (code ${docs[0].code}).`,
          },
          409,
        )
      }
    }
  }

  const after = holding(status, partySize)
  const moreSeats = after.seats - before.seats
  if (moreSeats > 0) {
    // A new sign-up queues behind people already waiting; staff confirming someone do not.
    const taken = await ledger.take(eventId, moreSeats, { behindQueue: operation === 'create' })
    if (!taken) {
      if (operation === 'create' && event.waitingList) {
        status = 'waiting'
      } else if (operation === 'create') {
        throw refusal(REFUSED.full, REFUSED.full.status)
      } else {
        const left = Math.max(0, event.capacity - (event.seatsTaken ?? 0))
        throw refusal({
          zh: `名额不够：还剩 ${left} 个名额，这次需要 ${moreSeats} 个。`,
          en: `Not enough seats: ${left} left, ${moreSeats} needed.`,
        })
      }
    }
  }
  const finalHolding = holding(status, partySize)
  const freedSeats = before.seats - finalHolding.seats
  if (freedSeats > 0) await ledger.give(eventId, freedSeats)
  const queued = finalHolding.waiting - before.waiting
  if (queued !== 0) await ledger.queue(eventId, queued)
  // Remembered for undoSeatMoves, should the write itself fail after this point.
  ;((req.context.seatMoves ??= []) as SeatMove[]).push({
    eventId,
    seats: finalHolding.seats - before.seats,
    waiting: queued,
  })

  data.status = status
  if (status === 'attended' && !originalDoc?.checkedInAt) data.checkedInAt = new Date().toISOString()
  if (status === 'cancelled') data.activeKey = closedKey(originalDoc?.id ?? data.code)
  else if (phone && !originalDoc?.anonymisedAt) data.activeKey = activeKeyOf(eventId, phone)
  // Seats that came free, or a newcomer who joined the queue, may let someone move up.
  req.context[`promote:${eventId}`] = freedSeats > 0 || queued > 0
  return data
}

export const registrationAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const eventId = idOf(doc.event)!
  if (!req.context[`promote:${eventId}`]) return doc
  req.context[`promote:${eventId}`] = false
  await promoteWaiting(req, eventId)
  // This sign-up may itself have been moved up.
  if (doc.status === 'waiting') {
    const fresh = await req.payload.db.findOne<{ id: Id; status: string }>({
      collection: 'registrations',
      where: { id: { equals: doc.id } },
      req,
    })
    if (fresh) doc.status = fresh.status
  }
  return doc
}

export const registrationAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const eventId = idOf(doc.event)!
  const held = holding(doc.status, doc.partySize)
  const ledger = seatLedger(req)
  if (held.seats) await ledger.give(eventId, held.seats)
  if (held.waiting) await ledger.queue(eventId, -held.waiting)
  await promoteWaiting(req, eventId)
}

/** The waiting sign-ups of an event, first in line first. */
export async function waitingQueue(payload: Payload, eventId: Id, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { equals: 'waiting' } },
    sort: queueOrder(payload),
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { partySize: true },
    req,
  })
  return docs.map((doc) => ({ id: doc.id, partySize: doc.partySize ?? 1 }))
}

/**
 * Moves waiting sign-ups up into free seats by the rule in cms/rules/waiting-list.ts. Safe to run
 * at any time and concurrently: each move takes its seats through the ledger first and only then
 * flips the sign-up from waiting to confirmed if it still is waiting, giving the seats back if not.
 */
export async function promoteWaiting(req: PayloadRequest, eventId: Id): Promise<number> {
  const ledger = seatLedger(req)
  let promoted = 0
  for (let round = 0; round < 20; round += 1) {
    const event = await loadEvent(req, eventId)
    if (event.status === 'cancelled' || new Date(event.end) <= new Date()) return promoted
    const free = event.capacity - (event.seatsTaken ?? 0)
    if (free <= 0) return promoted
    const plan = partiesToPromote(free, await waitingQueue(req.payload, eventId, req))
    let moved = 0
    for (const party of plan) {
      if (!(await ledger.take(eventId, party.partySize))) break
      if (await ledger.confirmWaiting(party.id)) {
        await ledger.queue(eventId, -party.partySize)
        moved += 1
      } else {
        await ledger.give(eventId, party.partySize)
      }
    }
    promoted += moved
    if (moved === 0) return promoted
  }
  return promoted
}
