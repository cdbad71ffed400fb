/**
 * A sign-up saved through Payload's create, where the registration hooks apply the seat rules
 * (cms/seats/index.ts): staff signing someone up on their behalf, and online sign-ups on MongoDB,
 * which has no single writer to group commits on.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Registration } from '../payload-types'
import { refusal } from '../rules/refusal'
import { checkSignup, REFUSED, signupState, type SignupInput } from '../rules/signup'
import { activeKeyOf, type Id, type Registered } from './keys'
import { undoSeatMoves, type SeatMove } from './ledger'

async function findActive(payload: Payload, eventId: Id, phone: string): Promise<Registration | undefined> {
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { activeKey: { equals: activeKeyOf(eventId, phone) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

async function registered(
  payload: Payload,
  registration: Registration,
  created: boolean,
): Promise<Registered> {
  const { queuePosition } = await import('./index')
  return {
    id: registration.id,
    code: registration.code!,
    status: registration.status,
    partySize: registration.partySize,
    channel: registration.channel,
    position: await queuePosition(payload, registration),
    created,
  }
}

export async function signUpThroughPayload(
  payload: Payload,
  eventId: Id,
  input: SignupInput,
  staff?: { user: PayloadRequest['user']; channel: 'staff' | 'family' },
): Promise<Registered> {
  const event = await payload.db.findOne<{ id: Id; _status?: string } & Parameters<typeof signupState>[0]>({
    collection: 'events',
    where: { id: { equals: eventId } },
  })
  if (!event || event._status !== 'published')
    throw refusal({ zh: '没有找到这个活动。', en: 'No such event.' }, 404)
  const checked = checkSignup(input, event.maxPartySize ?? 1)
  if (!checked.ok) {
    throw Object.assign(
      refusal({ zh: '报名信息需要修改，请看下面的提示。', en: 'Please correct the marked fields.' }),
      {
        fieldErrors: checked.errors,
      },
    )
  }
  const { name, phone, partySize } = checked.value
  const earlier = await findActive(payload, event.id, phone)
  if (earlier) return registered(payload, earlier, false)
  if (!staff) {
    const state = signupState(event)
    if (state !== 'open' && state !== 'waiting') throw refusal(REFUSED[state], REFUSED[state].status)
  }
  const context: { seatMoves?: SeatMove[] } = {}
  try {
    const registration = await payload.create({
      context,
      collection: 'registrations',
      data: {
        event: event.id as number,
        name,
        phone,
        partySize,
        consent: true,
        channel: staff?.channel ?? 'online',
        status: 'confirmed',
      },
      depth: 0,
      user: staff?.user ?? undefined,
      overrideAccess: !staff,
    })
    return registered(payload, registration, true)
  } catch (error) {
    await undoSeatMoves(payload, context.seatMoves)
    // Two identical submissions at the same moment: the database's unique key let one through.
    const winner = await findActive(payload, event.id, phone)
    if (winner) return registered(payload, winner, false)
    throw error
  }
}
