/**
 * A delegation looks up its request with the reference and the email it gave. Both must match;
 * the answer says nothing about which half was wrong, and shows nothing personal: the status,
 * the dates, the centres and the itinerary, never the contact's name, phone or the staff notes.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'

import type { Centre, VisitRequest } from '../payload-types'
import { type Day, shanghaiDay } from '../rules/hosting'

type Locale = 'zh' | 'en'

export type VisitCentre = { id: number; name: string; slug: string | null }
export type VisitStatusView = {
  reference: string
  organisation: string
  delegationSize: number
  status: VisitRequest['status']
  preferredDates: Day[]
  centres: VisitCentre[]
  /** Stops in time order; `start` is an ISO instant */
  itinerary: Array<{ centre: VisitCentre | null; start: string; note: string | null }>
}

const REFERENCE = /^V\d{4}-[0-9A-Z]{4,8}$/

export function normaliseReference(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .toUpperCase()
}

const digest = (text: string) => createHash('sha256').update(text).digest()
function sameEmail(a: string, b: string): boolean {
  return timingSafeEqual(digest(a.trim().toLowerCase()), digest(b.trim().toLowerCase()))
}

export async function lookUpVisit(
  payload: Payload,
  { reference, email }: { reference: string; email: string },
  locale: Locale = 'zh',
): Promise<VisitStatusView | null> {
  const ref = normaliseReference(reference)
  if (!REFERENCE.test(ref) || !email.trim()) return null
  const { docs } = await payload.find({
    collection: 'visit-requests',
    where: { reference: { equals: ref } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const request = docs[0]
  if (!request || !sameEmail(request.email, email)) return null

  const stops = [...(request.itinerary ?? [])].sort((a, b) => a.start.localeCompare(b.start))
  const idOf = (value: number | Centre) => (typeof value === 'object' ? value.id : value)
  const ids = [...new Set([...(request.centres ?? []).map(idOf), ...stops.map((s) => idOf(s.centre))])]
  const { docs: centreDocs } = ids.length
    ? await payload.find({
        collection: 'centres',
        where: { id: { in: ids } },
        select: { name: true, slug: true, _status: true },
        locale,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  const centre = (id: number): VisitCentre | null => {
    const doc = (centreDocs as Centre[]).find((c) => c.id === id)
    // A centre taken off the site keeps its name here but gets no link.
    return doc ? { id, name: doc.name, slug: doc._status === 'published' ? doc.slug : null } : null
  }

  return {
    reference: ref,
    organisation: request.organisation,
    delegationSize: request.delegationSize,
    status: request.status,
    preferredDates: (request.preferredDates ?? [])
      .map(({ date }) => shanghaiDay(date))
      .filter((day): day is Day => day !== null),
    centres: (request.centres ?? []).map((c) => centre(idOf(c))).filter((c): c is VisitCentre => c !== null),
    itinerary: stops.map((stop) => ({
      centre: centre(idOf(stop.centre)),
      start: stop.start,
      note: stop.note ?? null,
    })),
  }
}
