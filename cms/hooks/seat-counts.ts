/**
 * An event's `seatsTaken` and `waitingCount` always equal what its registrations say. The seat
 * ledger (cms/seats/ledger.ts) moves them on the event's own row as sign-ups change (no new
 * version, no publishing of a pending draft); here they are counted afresh whenever the event
 * itself is saved, and taken from the row on read for staff. `recountSeats` repairs a row from
 * the sign-ups.
 */
import type { CollectionAfterReadHook, FieldHook } from 'payload'

import { countSeats, liveCounters, type SeatCounts } from '../seats'

export { countSeats, recountSeats } from '../seats'

type Id = number | string

/** Field hooks for `seatsTaken` / `waitingCount`: counted afresh on every save. */
export function countedField(part: keyof SeatCounts): { beforeChange: FieldHook[] } {
  const fresh: FieldHook = async ({ req, originalDoc, operation, value }) => {
    const id = (originalDoc as { id?: Id } | undefined)?.id
    if (operation === 'create' || id === undefined || id === null) return 0
    return (await countSeats(req, id))[part] ?? value
  }
  return { beforeChange: [fresh] }
}

/**
 * Staff may be reading a draft saved before the latest sign-ups: they get the counters of the
 * event's own row, which the seat ledger keeps exact (one read by primary key, not a count of the
 * sign-ups: an admin list of 20 busy events stays 20 small reads). The public reads that row.
 */
export const countsForStaff: CollectionAfterReadHook = async ({ doc, req }) => {
  if (!req.user || doc?.id === undefined || !('seatsTaken' in doc || 'waitingCount' in doc)) return doc
  const live = await liveCounters(req, doc.id)
  return live ? { ...doc, ...live } : doc
}
