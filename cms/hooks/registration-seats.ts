/**
 * The registrations' hooks: thin adapters from Payload's save of a sign-up (the admin, the API,
 * staff signing someone up) to the owner of seats, cms/seats/index.ts.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

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
  return doc
}

export const registrationAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await released(req, doc)
}
