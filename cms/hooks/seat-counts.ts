/**
 * An event's `seatsTaken` and `waitingCount` always equal what its registrations say. They are
 * written straight to the event's own row when a sign-up changes (no new version, no publishing
 * of a pending draft), recomputed whenever the event itself is saved, and recomputed on read for
 * staff, who may be looking at a draft saved before the latest sign-ups.
 */
import type { FieldHook, PayloadRequest } from 'payload'

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

/** Field hooks for `seatsTaken` / `waitingCount`. */
export function countedField(part: keyof SeatCounts): { beforeChange: FieldHook[]; afterRead: FieldHook[] } {
  const fresh: FieldHook = async ({ req, originalDoc, operation, value }) => {
    const id = (originalDoc as { id?: Id } | undefined)?.id
    if (operation === 'create' || id === undefined || id === null) return 0
    return (await countSeats(req, id))[part] ?? value
  }
  const forStaff: FieldHook = async (args) => (args.req.user ? fresh(args) : args.value)
  return { beforeChange: [fresh], afterRead: [forStaff] }
}
