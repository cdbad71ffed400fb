/**
 * The messages nobody's change causes, only time: the reminder the day before an activity (from
 * MESSAGE_REMINDER_HOUR, Shanghai time) and the thank-you with the feedback link after it. Run by
 * the sending job before each send; safe to run as often as it likes (one message per sign-up
 * and kind, cms/messages/outbox.ts).
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type Where,
} from 'payload'

import { HOLDS_SEAT, reminderDue, THANKS_WITHIN_HOURS, thanksDue } from '../rules/messages'
import { reminderHour } from '../settings'
import { awaitingMessage, queueMessages } from './outbox'

const HOUR = 3600_000

async function seatHolders(payload: Payload, eventId: number): Promise<number[]> {
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { in: [...HOLDS_SEAT] }, messagesOff: { not_equals: true } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  return docs.map((doc) => doc.id)
}

export async function queueRemindersAndThanks(
  payload: Payload,
  { now = new Date(), hour = reminderHour }: { now?: Date; hour?: number } = {},
): Promise<{ reminders: number; thanks: number }> {
  const events = async (where: Where) =>
    (
      await payload.find({
        collection: 'events',
        where: {
          and: [{ _status: { equals: 'published' } }, { status: { not_equals: 'cancelled' } }, where],
        },
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { start: true, end: true },
      })
    ).docs
  const soon = await events({
    start: { greater_than: now.toISOString(), less_than: new Date(now.getTime() + 48 * HOUR).toISOString() },
  })
  const over = await events({
    end: {
      less_than_equal: now.toISOString(),
      greater_than: new Date(now.getTime() - THANKS_WITHIN_HOURS * HOUR).toISOString(),
    },
  })
  let reminders = 0
  let thanks = 0
  // Reads first, and a write only for an event with someone still to tell: the job runs every
  // 15 seconds and must not take the database's write lock for nothing.
  const reader = await createLocalReq({}, payload)
  const queue = async (eventId: number, kind: 'reminder' | 'thanks') => {
    const due = await awaitingMessage(reader, await seatHolders(payload, eventId), kind)
    return due.length === 0
      ? 0
      : inOneTransaction(payload, (req) => queueMessages(req, eventId, due, kind, { now }))
  }
  for (const event of soon.filter((e) => reminderDue(now, e.start, hour)))
    reminders += await queue(event.id, 'reminder')
  for (const event of over.filter((e) => thanksDue(now, e.end))) thanks += await queue(event.id, 'thanks')
  return { reminders, thanks }
}

/** One event's messages are written together: all of them or none. */
async function inOneTransaction<T>(
  payload: Payload,
  work: (req: Awaited<ReturnType<typeof createLocalReq>>) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({}, payload)
  const owns = await initTransaction(req)
  try {
    const result = await work(req)
    if (owns) await commitTransaction(req)
    return result
  } catch (error) {
    if (owns) await killTransaction(req)
    throw error
  }
}
