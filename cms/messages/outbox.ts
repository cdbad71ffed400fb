/**
 * Writing messages into the outbox (the `messages` collection). Always called with the request of
 * the change that causes the message, so the row is part of that change's transaction: committed
 * with it, rolled back with it, and waiting in the database for the sender (cms/messages/send.ts)
 * even if the server dies the instant after the commit.
 */
import type { PayloadRequest } from 'payload'

import { type MessageKind, messageKey, messageText, sendAfter } from '../rules/messages'
import { quietHours, siteUrl } from '../settings'

type Id = number | string
const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

type EventFacts = { id: Id; title: string; start: string; room?: string | null; centre: Id }

async function eventFacts(req: PayloadRequest, eventId: Id) {
  const event = await req.payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    locale: 'zh',
    draft: false,
    overrideAccess: true,
    select: { title: true, start: true, room: true, centre: true },
    req,
  })
  const centreId = idOf(event.centre)!
  const centre = await req.payload.findByID({
    collection: 'centres',
    id: centreId,
    depth: 0,
    locale: 'zh',
    overrideAccess: true,
    select: { name: true, phone: true },
    req,
  })
  const facts: EventFacts = {
    id: event.id,
    title: event.title,
    start: event.start,
    room: event.room,
    centre: centreId,
  }
  return { event: facts, centre: { name: centre.name, phone: centre.phone } }
}

/** The feedback page of a sign-up, as the thank-you links it. */
export const feedbackUrl = (code: string) => `${siteUrl}/signups/${encodeURIComponent(code)}/feedback`

/**
 * Which of `registrationIds` would get a message of `kind` now (none yet, messages not turned
 * off). Read-only: the reminder job asks this every run and opens a write only when it must.
 */
export async function awaitingMessage(
  req: PayloadRequest,
  registrationIds: Id[],
  kind: MessageKind,
  variant?: string,
): Promise<Id[]> {
  if (registrationIds.length === 0) return []
  const { docs: signups } = await req.payload.find({
    collection: 'registrations',
    where: { id: { in: registrationIds }, messagesOff: { not_equals: true } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  const keys = new Map(signups.map((signup) => [messageKey(signup.id, kind, variant), signup.id]))
  if (keys.size === 0) return []
  const { docs: existing } = await req.payload.find({
    collection: 'messages',
    where: { messageKey: { in: [...keys.keys()] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { messageKey: true },
    req,
  })
  for (const { messageKey: key } of existing) keys.delete(key)
  return [...keys.values()]
}

/**
 * Puts one message of `kind` for each of `registrationIds` (sign-ups of one event) into the
 * outbox, in `req`'s transaction. A sign-up that already has this message (same key), or whose
 * resident turned messages off, gets none. Returns how many rows were written.
 */
export async function queueMessages(
  req: PayloadRequest,
  eventId: Id,
  registrationIds: Id[],
  kind: MessageKind,
  options: { variant?: string; notice?: string; now?: Date } = {},
): Promise<number> {
  if (registrationIds.length === 0) return 0
  const { event, centre } = await eventFacts(req, eventId)
  const now = options.now ?? new Date()
  const { docs: signups } = await req.payload.find({
    collection: 'registrations',
    where: { id: { in: registrationIds }, messagesOff: { not_equals: true } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true },
    req,
  })
  const keys = new Map(signups.map((signup) => [messageKey(signup.id, kind, options.variant), signup]))
  const { docs: existing } = await req.payload.find({
    collection: 'messages',
    where: { messageKey: { in: [...keys.keys()] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { messageKey: true },
    req,
  })
  for (const { messageKey: key } of existing) keys.delete(key)
  for (const [key, signup] of keys) {
    const text = messageText(kind, {
      centreName: centre.name,
      centrePhone: centre.phone,
      eventTitle: event.title,
      start: event.start,
      room: event.room,
      feedbackUrl: kind === 'thanks' ? feedbackUrl(signup.code!) : undefined,
      notice: options.notice,
    })
    await req.payload.create({
      collection: 'messages',
      data: {
        messageKey: key,
        kind,
        registration: signup.id as number,
        event: event.id as number,
        centre: event.centre as number,
        text,
        status: 'pending',
        sendAfter: sendAfter(now, event.start, quietHours).toISOString(),
        attempts: 0,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  return keys.size
}
