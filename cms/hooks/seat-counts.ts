/**
 * An event's `seatsTaken` and `waitingCount` always equal what its registrations say. The seat
 * ledger (cms/seat-ledger.ts) moves them on the event's own row as sign-ups change (no new
 * version, no publishing of a pending draft); here they are counted afresh whenever the event
 * itself is saved, and on read for staff. `recountSeats` repairs a row from the sign-ups.
 */
import type { CollectionAfterReadHook, FieldHook, PayloadRequest } from 'payload'

type Id = number | string
export type SeatCounts = { seatsTaken: number; waitingCount: number }

export async function countSeats(req: PayloadRequest, eventId: Id): Promise<SeatCounts> {
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { in: ['confirmed', 'attended', 'waiting'] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { partySize: true, status: true },
    req,
  })
  const counts: SeatCounts = { seatsTaken: 0, waitingCount: 0 }
  for (const { partySize, status } of docs) {
    if (status === 'waiting') counts.waitingCount += partySize ?? 1
    else counts.seatsTaken += partySize ?? 1
  }
  return counts
}

export async function recountSeats(req: PayloadRequest, eventId: Id): Promise<SeatCounts> {
  const counts = await countSeats(req, eventId)
  await req.payload.db.updateOne({ collection: 'events', id: eventId, data: counts, req })
  return counts
}

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
 * Staff may be reading a draft saved before the latest sign-ups: they get the counts as the
 * sign-ups stand now, in one query for both numbers. The public reads the published row, whose
 * counters the seat ledger keeps exact.
 */
export const countsForStaff: CollectionAfterReadHook = async ({ doc, req }) => {
  if (!req.user || doc?.id === undefined || !('seatsTaken' in doc || 'waitingCount' in doc)) return doc
  return { ...doc, ...(await countSeats(req, doc.id)) }
}
