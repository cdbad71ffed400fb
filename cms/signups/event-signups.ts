/**
 * Signing up for an event, looking a sign-up up, cancelling it and checking in: what the site's
 * forms and the REST endpoints (cms/signups/endpoints.ts) both call. Seats belong to
 * cms/seats/ (which the registration hooks call too, so staff in the admin meet the same rules);
 * input checks to cms/rules/signup.ts. This module maps their answers to what a resident sees.
 */
import type { Payload, PayloadRequest } from 'payload'

import { refusalMessage } from '../rules/refusal'
import { matchesLastFour, type SignupErrors } from '../rules/signup'
import { queuePosition, type Registered, signUpOnline } from '../seats'
import { signUpThroughPayload } from '../seats/payload-signup'
import { BLOCKED_MESSAGE } from '../rules/lookup-attempts'
import { checkDigits } from './wrong-digits'
import type { Event, Registration } from '../payload-types'

type Id = number | string
type Lang = 'zh' | 'en'
type Message = { zh: string; en: string }

/** What a resident may see of a sign-up: never the name or the number. */
export type SignupView = {
  code: string
  status: 'confirmed' | 'waiting' | 'cancelled' | 'attended'
  partySize: number
  /** Place on the waiting list, 1 = next in line; only while waiting. */
  position?: number
  eventId: Id
  /** Cancelled because the event was cancelled, not by the resident. */
  eventCancelled: boolean
  channel: string
  /** The resident turned messages off for this sign-up (cms/messages/). */
  messagesOff: boolean
}

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; status: number; message: Message; errors?: SignupErrors }

const NOT_FOUND: Message = {
  zh: '没有找到这个报名。请核对确认码和手机号码后四位。',
  en: 'No sign-up matches that code and those digits.',
}

async function view(payload: Payload, registration: Registration, req?: PayloadRequest): Promise<SignupView> {
  const eventId = typeof registration.event === 'object' ? registration.event.id : registration.event
  const event = await payload.db.findOne<Event>({
    collection: 'events',
    where: { id: { equals: eventId } },
    req,
  })
  return {
    code: registration.code!,
    status: registration.status,
    partySize: registration.partySize,
    position: await queuePosition(payload, registration, req),
    eventId,
    eventCancelled: event?.status === 'cancelled',
    channel: registration.channel,
    messagesOff: Boolean(registration.messagesOff),
  }
}

/** A sign-up just made or found again: nothing more to read (it was refused were the event cancelled). */
const viewOf = (eventId: Id, registered: Registered): SignupView & { created: boolean } => ({
  code: registered.code,
  status: registered.status,
  partySize: registered.partySize,
  position: registered.position,
  eventId,
  eventCancelled: false,
  messagesOff: false,
  channel: registered.channel,
  created: registered.created,
})

/** A code as typed or scanned: case, spaces and dashes do not matter. */
export const cleanCode = (code: string) =>
  code
    .trim()
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')

export async function findByCode(payload: Payload, code: string): Promise<Registration | undefined> {
  const clean = cleanCode(code)
  if (!clean) return undefined
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { code: { equals: clean } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/**
 * A sign-up by its code alone, for its result page: the view holds status, queue place and the
 * event, never a name or a number, so the code is all it needs. Undefined once anonymised.
 */
export async function signupView(payload: Payload, code: string): Promise<SignupView | undefined> {
  const registration = await findByCode(payload, code)
  return registration && !registration.anonymisedAt ? view(payload, registration) : undefined
}

export type SignupRequest = {
  name?: unknown
  phone?: unknown
  partySize?: unknown
  consent?: unknown
  /** online (the resident), staff or family (entered by staff on someone's behalf) */
  channel?: 'online' | 'staff' | 'family'
}

/**
 * Signs a resident up. Submitting the same phone number for the same event again (a double tap,
 * the back button, a retry after a lost answer) returns the first sign-up instead of a second.
 */
export async function signUp(
  payload: Payload,
  eventId: Id,
  input: SignupRequest,
  /** `attemptFrom`: the client's address, when the attempt counts towards the form rate limit. */
  options: { user?: PayloadRequest['user']; attemptFrom?: string } = {},
): Promise<Outcome<SignupView & { created: boolean }>> {
  const staffChannel = input.channel === 'staff' || input.channel === 'family' ? input.channel : undefined
  try {
    const registered =
      options.user && staffChannel
        ? await signUpThroughPayload(payload, eventId, input, { user: options.user, channel: staffChannel })
        : await signUpOnline(payload, eventId, input, options.attemptFrom)
    return { ok: true, value: viewOf(eventId, registered) }
  } catch (error) {
    return refusedOutcome(error)
  }
}

/** A rule's refusal, or the database too busy to save (503), as the answer a resident sees. */
function refusedOutcome(error: unknown): Extract<Outcome<never>, { ok: false }> {
  const refused = refusalMessage(error, 'zh')
  if (!refused) throw error
  const en = refusalMessage(error, 'en')!
  const errors = (error as { fieldErrors?: SignupErrors }).fieldErrors
  return {
    ok: false,
    status: refused.status,
    message: { zh: refused.message, en: en.message },
    ...(errors ? { errors } : {}),
  }
}

/** A resident's own sign-up, found by its code and the last four digits of the phone number. */
export async function lookUpSignup(
  payload: Payload,
  code: string,
  digits: string,
): Promise<Outcome<SignupView>> {
  const registration = await findByCode(payload, code)
  if (!registration || registration.anonymisedAt) return { ok: false, status: 404, message: NOT_FOUND }
  // Wrong digits are counted per code, whichever address and server they came from.
  const verdict = await checkDigits(payload, registration.code ?? String(registration.id), () =>
    matchesLastFour(registration.phone, digits),
  )
  if (verdict === 'blocked') return { ok: false, status: 423, message: BLOCKED_MESSAGE }
  if (verdict === 'wrong') return { ok: false, status: 404, message: NOT_FOUND }
  return { ok: true, value: await view(payload, registration) }
}

/** Cancels a resident's own sign-up; cancelling twice is not an error. Frees the seats for the waiting list. */
export async function cancelSignup(
  payload: Payload,
  code: string,
  digits: string,
): Promise<Outcome<SignupView>> {
  const found = await lookUpSignup(payload, code, digits)
  if (!found.ok) return found
  if (found.value.status === 'cancelled') return found
  if (found.value.status === 'attended') {
    return {
      ok: false,
      status: 409,
      message: { zh: '已经签到的报名不能取消。', en: 'A sign-up that has checked in cannot be cancelled.' },
    }
  }
  const registration = await findByCode(payload, code)
  try {
    const updated = await payload.update({
      collection: 'registrations',
      id: registration!.id,
      data: { status: 'cancelled' },
      depth: 0,
      overrideAccess: true,
    })
    return { ok: true, value: await view(payload, updated) }
  } catch (error) {
    return refusedOutcome(error)
  }
}

/**
 * Checks a sign-up in at the door, by its code, for staff of the event's centre. Checking in twice
 * says so instead of failing.
 */
export async function checkIn(
  payload: Payload,
  code: string,
  user: PayloadRequest['user'],
  lang: Lang = 'zh',
): Promise<Outcome<SignupView & { alreadyCheckedIn: boolean; eventTitle: string }>> {
  const clean = cleanCode(code)
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { code: { equals: clean } },
    limit: 1,
    depth: 1,
    user,
    overrideAccess: false,
    locale: lang,
  })
  const registration = docs[0]
  if (!registration) {
    return {
      ok: false,
      status: 404,
      message: {
        zh: `没有找到确认码 ${clean}（或不是本中心的活动）。`,
        en: `No sign-up ${clean} at your centre.`,
      },
    }
  }
  const eventTitle = typeof registration.event === 'object' ? registration.event.title : ''
  if (registration.status === 'attended') {
    return { ok: true, value: { ...(await view(payload, registration)), alreadyCheckedIn: true, eventTitle } }
  }
  if (registration.status !== 'confirmed') {
    const why: Message =
      registration.status === 'waiting'
        ? { zh: '这位居民还在候补名单上，没有确认名额。', en: 'Still on the waiting list, not confirmed.' }
        : { zh: '这个报名已经取消。', en: 'This sign-up was cancelled.' }
    return { ok: false, status: 409, message: why }
  }
  const updated = await payload.update({
    collection: 'registrations',
    id: registration.id,
    data: { status: 'attended' },
    depth: 1,
    user,
    overrideAccess: false,
  })
  return { ok: true, value: { ...(await view(payload, updated)), alreadyCheckedIn: false, eventTitle } }
}
