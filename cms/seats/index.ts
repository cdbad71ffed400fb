/**
 * 名额: the one owner of an event's seats and waiting list. Every path that changes a sign-up
 * comes here: the resident's online sign-up (`signUpOnline`), and through the registration hooks
 * every save in the admin, the API and the services (`applyChange`, `afterChange`, `released`).
 *
 * What it keeps true, for every event, at every commit:
 * - `seats_taken` = the party sizes of its confirmed and attended sign-ups, never above capacity;
 * - `waiting_count` = the party sizes of its waiting sign-ups;
 * - one active sign-up per mobile number (a unique key, `activeKeyOf`);
 * - a newcomer never overtakes the queue, and a free seat never stays empty while a waiting party
 *   fits (promotion by cms/rules/waiting-list.ts after every change that frees seats).
 * `npm run check` verifies all of it against the rows (cms/seats/check.ts).
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { centreIdsOf, isDistrictAdmin } from '../access'
import { confirmationCode, normaliseMobile } from '../rules/confirmation-code'
import { refusal } from '../rules/refusal'
import { REFUSED, signupState, type SignupEvent, type SignupInput } from '../rules/signup'
import { partiesToPromote } from '../rules/waiting-list'
import type { RawTransaction, Writer } from '../sqlite-writer'
import { formLimiter } from '../rate-limit/form-limiter'
import { TOO_MANY_ATTEMPTS } from '../rules/rate-limit'
import { queueMessages } from '../messages/outbox'
import { activeKeyOf, closedKey, holding, type Id, type Registered } from './keys'
import { queueOrder, type SeatMove, seatLedger } from './ledger'
import { signUpOnSqlite } from './sqlite-signup'

export * from './keys'

const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

/** A code no other sign-up holds: two alike among 887 million are rare, not impossible. */
async function unusedCode(req: PayloadRequest): Promise<string> {
  for (;;) {
    const code = confirmationCode()
    const taken = await req.payload.db.findOne({
      collection: 'registrations',
      where: { code: { equals: code } },
      req,
    })
    if (!taken) return code
  }
}

type EventRow = SignupEvent & { id: Id; centre: unknown }

export async function loadEvent(req: PayloadRequest, eventId: Id): Promise<EventRow> {
  const event = await req.payload.db.findOne<EventRow>({
    collection: 'events',
    where: { id: { equals: eventId } },
    req,
  })
  if (!event) throw refusal({ zh: '没有找到这个活动。', en: 'No such event.' }, 404)
  return event
}

/** The group-commit writer, when the embedded database runs (cms/sqlite-writer.ts). */
const writerOf = (payload: Payload): Writer | undefined =>
  (payload.db as unknown as { writer?: Writer }).writer

/**
 * A resident signs up online. On the embedded database: one group-committed job; elsewhere the
 * registration hooks below run inside Payload's create. Refusals are thrown as 4xx APIErrors
 * (field messages in `fieldErrors`); nothing is returned before it is committed.
 */
export async function signUpOnline(
  payload: Payload,
  eventId: Id,
  input: SignupInput,
  /** The client's address, when this attempt counts towards the form rate limit. */
  attemptFrom?: string,
): Promise<Registered> {
  const writer = writerOf(payload)
  const id = Number(eventId)
  if (attemptFrom !== undefined && !(writer && Number.isInteger(id))) {
    // Counted on its own (the sign-up below cannot share its commit).
    if (!(await formLimiter.allow(payload, 'signup', attemptFrom))) throw refusal(TOO_MANY_ATTEMPTS, 429)
  }
  if (writer) {
    if (!Number.isInteger(id)) throw refusal({ zh: '没有找到这个活动。', en: 'No such event.' }, 404)
    // The attempt is counted in the sign-up's own job: one COMMIT answers both.
    const admit =
      attemptFrom === undefined
        ? undefined
        : (tx: RawTransaction) => formLimiter.allowIn(tx, 'signup', attemptFrom)
    const registered = await signUpOnSqlite(writer, id, input, admit)
    // Payload's hooks (and their log line, cms/hooks/event-logs.ts) do not run on this path.
    if (registered.created) {
      payload.logger.info(
        {
          event: 'signup',
          code: registered.code,
          status: registered.status,
          eventId: id,
          partySize: registered.partySize,
        },
        `sign-up ${registered.code}: ${registered.status}`,
      )
    }
    return registered
  }
  const { signUpThroughPayload } = await import('./payload-signup')
  return signUpThroughPayload(payload, eventId, input)
}

/** The waiting parties ahead of a sign-up, itself included; undefined when it is not waiting. */
export async function queuePosition(
  payload: Payload,
  registration: { id: Id; event: unknown; status?: string | null; createdAt?: string },
  req?: PayloadRequest,
): Promise<number | undefined> {
  if (registration.status !== 'waiting') return undefined
  const eventId = idOf(registration.event)!
  // The queue's order is the order the database decided the sign-ups (see queueOrder).
  const ahead: Where =
    payload.db.name === 'mongoose'
      ? {
          or: [
            { createdAt: { less_than: registration.createdAt } },
            {
              and: [
                { createdAt: { equals: registration.createdAt } },
                { id: { less_than_equal: registration.id } },
              ],
            },
          ],
        }
      : { id: { less_than_equal: registration.id } }
  const { totalDocs } = await payload.count({
    collection: 'registrations',
    where: { and: [{ event: { equals: eventId } }, { status: { equals: 'waiting' } }, ahead] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

/** The first waiting parties, in queue order, a page at a time. */
async function waitingPage(req: PayloadRequest, eventId: Id, page: number, limit: number) {
  const { docs, hasNextPage } = await req.payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { equals: 'waiting' } },
    sort: queueOrder(req.payload),
    limit,
    page,
    depth: 0,
    overrideAccess: true,
    select: { partySize: true },
    req,
  })
  return { parties: docs.map((doc) => ({ id: doc.id, partySize: doc.partySize ?? 1 })), hasNextPage }
}

/**
 * Moves waiting sign-ups up into free seats by the rule in cms/rules/waiting-list.ts. Reads the
 * queue only as far as the free seats reach (a page at a time), so its cost does not grow with
 * the length of the waiting list. Safe to run at any time and concurrently: each move takes its
 * seats through the ledger first and only then flips the sign-up from waiting to confirmed if it
 * still is waiting, giving the seats back if not. Each party moved up gets its message in the same
 * transaction (cms/messages/outbox.ts).
 */
export async function promoteWaiting(req: PayloadRequest, eventId: Id): Promise<number> {
  const ledger = seatLedger(req)
  const event = await loadEvent(req, eventId)
  if (event.status === 'cancelled' || new Date(event.end) <= new Date()) return 0
  let free = event.capacity - (event.seatsTaken ?? 0)
  let promoted = 0
  const PAGE = 50
  for (let page = 1; free > 0; page += 1) {
    const { parties, hasNextPage } = await waitingPage(req, eventId, page, PAGE)
    for (const party of partiesToPromote(free, parties)) {
      if (!(await ledger.take(eventId, party.partySize))) return promoted
      if (await ledger.confirmWaiting(party.id)) {
        await ledger.queue(eventId, -party.partySize)
        await queueMessages(req, eventId, [party.id], 'promoted')
        free -= party.partySize
        promoted += 1
      } else {
        await ledger.give(eventId, party.partySize)
      }
    }
    if (!hasNextPage) break
  }
  return promoted
}

/**
 * The seat side of saving a sign-up (the registrations' beforeChange hook): checks what the rules
 * say for this change, moves the counters through the ledger, sets the status, code and active
 * key. Returns the counter moves, for undoing them should the write itself fail on MongoDB.
 */
export async function applyChange(args: {
  data: Record<string, unknown>
  originalDoc?: Record<string, unknown>
  operation: 'create' | 'update'
  req: PayloadRequest
}): Promise<SeatMove> {
  const { data, originalDoc, operation, req } = args
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
  const partySize = Number(data.partySize ?? originalDoc?.partySize ?? 1)
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
    operation === 'create'
      ? holding(null, 0)
      : holding(originalDoc?.status as string, originalDoc?.partySize as number)
  let status = String(data.status ?? originalDoc?.status ?? 'confirmed')

  if (operation === 'create') {
    if (!data.code) data.code = await unusedCode(req)
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
    // The unique active key stops a second sign-up with this number in any case; this says why.
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

  const wanted = holding(status, partySize)
  const moreSeats = wanted.seats - before.seats
  if (moreSeats > 0) {
    // A new sign-up queues behind people already waiting; staff confirming someone do not.
    const taken = await ledger.take(eventId, moreSeats, { behindQueue: operation === 'create' })
    if (!taken) {
      if (operation === 'create' && event.waitingList) status = 'waiting'
      else if (operation === 'create') throw refusal(REFUSED.full, REFUSED.full.status)
      else {
        const left = Math.max(0, event.capacity - (event.seatsTaken ?? 0))
        throw refusal({
          zh: `名额不够：还剩 ${left} 个名额，这次需要 ${moreSeats} 个。`,
          en: `Not enough seats: ${left} left, ${moreSeats} needed.`,
        })
      }
    }
  }
  const after = holding(status, partySize)
  const freedSeats = before.seats - after.seats
  if (freedSeats > 0) await ledger.give(eventId, freedSeats)
  const queued = after.waiting - before.waiting
  if (queued !== 0) await ledger.queue(eventId, queued)

  data.status = status
  if (status === 'attended' && !originalDoc?.checkedInAt) data.checkedInAt = new Date().toISOString()
  if (status === 'cancelled') data.activeKey = closedKey((originalDoc?.id as Id) ?? (data.code as string))
  else if (phone && !originalDoc?.anonymisedAt) data.activeKey = activeKeyOf(eventId, phone)
  return { eventId, seats: after.seats - before.seats, waiting: queued }
}

/**
 * After a sign-up was saved (the afterChange hook): seats that came free, or a newcomer who joined
 * the queue while seats were free, may let someone move up.
 */
export async function afterChange(
  req: PayloadRequest,
  doc: { id: Id; event: unknown; status: string; partySize?: number | null },
  previous: { status?: string | null; partySize?: number | null } | undefined,
): Promise<string> {
  const before = holding(previous?.status, previous?.partySize)
  const after = holding(doc.status, doc.partySize)
  if (!(after.seats < before.seats || after.waiting > before.waiting)) return doc.status
  const eventId = idOf(doc.event)!
  await promoteWaiting(req, eventId)
  if (doc.status !== 'waiting') return doc.status
  // This sign-up may itself have been moved up.
  const fresh = await req.payload.db.findOne<{ id: Id; status: string }>({
    collection: 'registrations',
    where: { id: { equals: doc.id } },
    req,
  })
  return fresh?.status ?? doc.status
}

/** A sign-up was deleted (afterDelete): its seats or queue places go back, and the queue moves. */
export async function released(
  req: PayloadRequest,
  doc: { event: unknown; status: string; partySize?: number | null },
) {
  const eventId = idOf(doc.event)!
  const held = holding(doc.status, doc.partySize)
  const ledger = seatLedger(req)
  if (held.seats) await ledger.give(eventId, held.seats)
  if (held.waiting) await ledger.queue(eventId, -held.waiting)
  await promoteWaiting(req, eventId)
}

export type SeatCounts = { seatsTaken: number; waitingCount: number }

/** An event's counters as its sign-ups say (party sizes only are read). */
export async function countSeats(req: PayloadRequest, eventId: Id): Promise<SeatCounts> {
  const sum = async (statuses: string[]) => {
    const { docs } = await req.payload.find({
      collection: 'registrations',
      where: { event: { equals: eventId }, status: { in: statuses } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { partySize: true },
      req,
    })
    return docs.reduce((total, doc) => total + (doc.partySize ?? 1), 0)
  }
  return { seatsTaken: await sum(['confirmed', 'attended']), waitingCount: await sum(['waiting']) }
}

/**
 * The counters as the ledger keeps them on the event's own row: one read by primary key, however
 * many sign-ups the event has. (A saved draft or version carries the counters of its moment.)
 */
export async function liveCounters(req: PayloadRequest, eventId: Id): Promise<SeatCounts | undefined> {
  const row = (await req.payload.db.findOne({
    collection: 'events',
    where: { id: { equals: eventId } },
    select: { seatsTaken: true, waitingCount: true },
    req,
  })) as { seatsTaken?: number | null; waitingCount?: number | null } | null
  if (!row) return undefined
  return { seatsTaken: row.seatsTaken ?? 0, waitingCount: row.waitingCount ?? 0 }
}

/** Repairs an event's counters from its sign-ups (the seed; `npm run check -- --repair`). */
export async function recountSeats(req: PayloadRequest, eventId: Id): Promise<SeatCounts> {
  const counts = await countSeats(req, eventId)
  await req.payload.db.updateOne({ collection: 'events', id: eventId, data: counts, req })
  return counts
}

export type { SignupInput }
