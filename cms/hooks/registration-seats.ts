/**
 * The registrations' hooks: thin adapters from Payload's save of a sign-up (the admin, the API,
 * staff signing someone up) to the owner of seats, cms/seats/index.ts.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { queueMessages } from '../messages/outbox'
import { messageForSignupChange } from '../rules/messages'
import { afterChange, applyChange, released } from '../seats'
import type { SeatMove } from '../seats/ledger'

export const registrationBeforeChange: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const move = await applyChange({ data, originalDoc, operation, req })
  // MongoDB's counters move outside the write's transaction: kept so a failed write can undo them.
  ;((req.context.seatMoves ??= []) as SeatMove[]).push(move)
  return data
}

export const registrationAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  doc.status = await afterChange(req, doc, operation === 'create' ? undefined : previousDoc)
  // Staff confirming a waiting sign-up by hand: the resident hears of it like any move up. (A
  // cancelled event's sign-ups are told by the event's hook, cms/hooks/event-messages.ts.)
  const kind =
    operation === 'update' ? messageForSignupChange(previousDoc?.status, doc.status, false) : undefined
  if (kind) await queueMessages(req, doc.event?.id ?? doc.event, [doc.id], kind)
  return doc
}

export const registrationAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await released(req, doc)
}
