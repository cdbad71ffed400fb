/**
 * What the hosting rule (cms/rules/hosting.ts) needs from the database: the chosen centres with
 * their limits and hours, and the requests that may hold their days.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Centre, VisitRequest } from '../payload-types'
import { type Day, type HostingCentre, OCCUPYING_STATUSES } from '../rules/hosting'

type Id = number | string

export type HostingContext = {
  centres: Array<HostingCentre & { name: string; published: boolean }>
  requests: VisitRequest[]
}

export async function hostingContext(
  payload: Payload,
  centreIds: ReadonlyArray<Id>,
  from: Day,
  { locale = 'zh', req }: { locale?: 'zh' | 'en'; req?: PayloadRequest } = {},
): Promise<HostingContext> {
  if (centreIds.length === 0) return { centres: [], requests: [] }
  const ids = [...centreIds]
  const found = await payload.find({
    collection: 'centres',
    where: { id: { in: ids } },
    select: { name: true, hostingLimit: true, openingHours: true, closures: true, _status: true },
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  // From Shanghai midnight of the first day asked about; older requests cannot compete.
  const since = new Date(`${from}T00:00:00+08:00`).toISOString()
  const requests = await payload.find({
    collection: 'visit-requests',
    where: {
      and: [
        { status: { in: [...OCCUPYING_STATUSES] } },
        { or: [{ centres: { in: ids } }, { 'itinerary.centre': { in: ids } }] },
        {
          or: [
            { 'preferredDates.date': { greater_than_equal: since } },
            { 'itinerary.start': { greater_than_equal: since } },
          ],
        },
      ],
    },
    select: { status: true, centres: true, preferredDates: true, itinerary: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return {
    centres: (found.docs as Centre[]).map((centre) => ({
      id: centre.id,
      name: centre.name,
      hostingLimit: centre.hostingLimit,
      openingHours: centre.openingHours,
      closures: centre.closures,
      published: centre._status === 'published',
    })),
    requests: requests.docs as VisitRequest[],
  }
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
)

/** "12月3日" / "3 December", with the year when it is not this year's. */
export function formatDay(day: Day, locale: 'zh' | 'en', thisYear?: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const withYear = thisYear !== undefined && String(year) !== thisYear
  if (locale === 'zh') return `${withYear ? `${year}年` : ''}${month}月${date}日`
  return `${date} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`
}

/** "A、B和C" / "A, B and C" */
export function joinNames(names: ReadonlyArray<string>, locale: 'zh' | 'en'): string {
  if (names.length <= 1) return names[0] ?? ''
  const head = names.slice(0, -1).join(locale === 'zh' ? '、' : ', ')
  return locale === 'zh' ? `${head}和${names.at(-1)}` : `${head} and ${names.at(-1)}`
}
