/**
 * A published event's change its sign-ups must hear of (cms/rules/messages.ts): the centre
 * cancelled it, or moved its time or room. The messages are written in the save's own
 * transaction, after the sign-ups were cancelled (the hook before this one).
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { queueMessages } from '../messages/outbox'
import { eventChangeMatters } from '../rules/messages'

type Id = number | string

async function signupIds(req: PayloadRequest, eventId: Id, statuses: string[]): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { in: statuses } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  return docs.map((doc) => doc.id)
}

export const tellSignupsOfChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || doc._status !== 'published') return doc
  const cancelledNow = doc.status === 'cancelled' && previousDoc?.status !== 'cancelled'
  if (cancelledNow) {
    await queueMessages(req, doc.id, (req.context.cancelledSignups as Id[] | undefined) ?? [], 'cancelled')
  } else if (eventChangeMatters(previousDoc, doc)) {
    const ids = await signupIds(req, doc.id, ['confirmed', 'waiting'])
    const variant = `${new Date(doc.start).toISOString()}|${doc.room ?? ''}`
    await queueMessages(req, doc.id, ids, 'changed', { variant })
  }
  return doc
}
