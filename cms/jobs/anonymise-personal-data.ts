/**
 * Names and phone numbers are kept only as long as they serve the sign-up: a set number of days
 * (PERSONAL_DATA_RETENTION_DAYS, default 30) after the event ends, or after the project ends or is
 * completed, they are wiped. Counts, party sizes, statuses and attendance stay for statistics.
 * Runs daily as a scheduled job in the CMS process, and on demand with `npm run purge`.
 */
import type { Payload, TaskConfig, Where } from 'payload'

import { closedKey } from '../seats/keys'
import { retentionDays } from '../settings'

export const ANONYMISED_NAME = '（已匿名）'

export type AnonymiseCounts = {
  registrations: number
  volunteers: number
  claims: number
  visitRequests: number
  messages: number
}

export async function anonymisePersonalData(
  payload: Payload,
  { now = new Date(), days = retentionDays }: { now?: Date; days?: number } = {},
): Promise<AnonymiseCounts> {
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString()
  const stamp = now.toISOString()

  const endedEvents = await ids(payload, 'events', { end: { less_than: cutoff } })
  const registrations = await wipe(payload, 'registrations', { event: { in: endedEvents } }, (id) => ({
    name: ANONYMISED_NAME,
    phone: '',
    anonymisedAt: stamp,
    activeKey: closedKey(id),
  }))

  const endedProjects = await ids(payload, 'projects', {
    or: [
      { endDate: { less_than: cutoff } },
      { and: [{ status: { equals: 'completed' } }, { updatedAt: { less_than: cutoff } }] },
    ],
  })
  const volunteers = await wipe(payload, 'volunteers', { project: { in: endedProjects } }, (id) => ({
    name: ANONYMISED_NAME,
    phone: '',
    anonymisedAt: stamp,
    activeKey: closedKey(`v${id}`),
  }))
  const claims = await wipe(payload, 'project-claims', { project: { in: endedProjects } }, () => ({
    contactName: ANONYMISED_NAME,
    phone: '',
    anonymisedAt: stamp,
  }))
  const visitRequests = await wipeVisitContacts(payload, cutoff)
  const messages = await deleteMessages(payload, endedEvents)
  return { registrations, volunteers, claims, visitRequests, messages }
}

/**
 * A delegation's contact (name, phone, email) once its last preferred or scheduled day is past the
 * retention period; the organisation, size, dates and itinerary stay for the district's records.
 */
async function wipeVisitContacts(payload: Payload, cutoff: string): Promise<number> {
  const { docs } = await payload.find({
    collection: 'visit-requests',
    where: { and: [{ createdAt: { less_than: cutoff } }, { contactName: { not_equals: ANONYMISED_NAME } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { preferredDates: true, itinerary: true },
  })
  const over = docs.filter((request) => {
    const days = [
      ...(request.preferredDates ?? []).map((d) => d.date),
      ...(request.itinerary ?? []).map((stop) => stop.start),
    ]
    return days.length > 0 && days.every((day) => day < cutoff)
  })
  for (const { id } of over) {
    await payload.db.updateOne({
      collection: 'visit-requests',
      id,
      data: { contactName: ANONYMISED_NAME, phone: '', email: '' },
    })
  }
  return over.length
}

/**
 * The outbox of an event past the retention period: what was said to whom and when is personal
 * data too, so its rows go (the sign-ups' counts stay).
 */
async function deleteMessages(payload: Payload, eventIds: (number | string)[]): Promise<number> {
  if (eventIds.length === 0) return 0
  const where: Where = { event: { in: eventIds } }
  const { totalDocs } = await payload.count({ collection: 'messages', where, overrideAccess: true })
  if (totalDocs > 0) await payload.db.deleteMany({ collection: 'messages', where })
  return totalDocs
}

type Slug = 'events' | 'projects'
async function ids(payload: Payload, collection: Slug, where: Where): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection,
    where,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  return docs.map((doc) => doc.id)
}

async function wipe(
  payload: Payload,
  collection: 'registrations' | 'volunteers' | 'project-claims',
  where: Where,
  data: (id: number | string) => Record<string, unknown>,
): Promise<number> {
  const parent = Object.values(where)[0] as { in: unknown[] }
  if (parent.in.length === 0) return 0
  const { docs } = await payload.find({
    collection,
    where: { and: [where, { anonymisedAt: { exists: false } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  // Straight to the rows: no hook should run again (seats, codes) for a sign-up long over.
  for (const { id } of docs) await payload.db.updateOne({ collection, id, data: data(id) })
  return docs.length
}

export const anonymiseTask: TaskConfig = {
  slug: 'anonymisePersonalData',
  label: 'Anonymise personal data past its retention period',
  // Every night at 03:30 server time.
  schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
  outputSchema: [
    { name: 'registrations', type: 'number' },
    { name: 'volunteers', type: 'number' },
    { name: 'claims', type: 'number' },
    { name: 'visitRequests', type: 'number' },
    { name: 'messages', type: 'number' },
  ],
  handler: async ({ req }) => {
    const output = await anonymisePersonalData(req.payload)
    req.payload.logger.info(
      `anonymised: ${output.registrations} sign-ups, ${output.volunteers} volunteers, ${output.claims} claim contacts, ${output.visitRequests} visit contacts, ${output.messages} messages`,
    )
    return { output }
  },
}
