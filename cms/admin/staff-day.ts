/**
 * What the dashboard shows a staff member on login, read with their own access so each list holds
 * only their centres' documents (the district's holds every centre's). The periods come from
 * cms/rules/staff-day.ts.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Centre, Event, VisitRequest } from '../payload-types'
import { centresWithoutEvents, daysAhead, nextEvaluation, type Period } from '../rules/staff-day'

type User = PayloadRequest['user']
const DAY = 24 * 60 * 60 * 1000

export type DayEvent = Pick<Event, 'id' | 'title' | 'start' | 'capacity'> & {
  centreName: string
  seatsTaken: number
  waitingCount: number
  checkedIn: number
}

export type StaffDay = {
  today: DayEvent[]
  fullThisWeek: DayEvent[]
  claimsWaiting: number
  newVolunteers: number
  visits: Array<Pick<VisitRequest, 'id' | 'organisation' | 'delegationSize' | 'status' | 'preferredDates'>>
  evaluations: Array<{ centre: Pick<Centre, 'id' | 'name'>; next: Period }>
  /** District only: centres with no event in the coming two weeks. */
  quietCentres?: Array<Pick<Centre, 'id' | 'name'>>
}

export async function staffDay(
  payload: Payload,
  user: User,
  isDistrict: boolean,
  now = new Date(),
): Promise<StaffDay> {
  const as = { user, overrideAccess: false, depth: 0 } as const
  const events = async (from: string, to: string) =>
    (
      await payload.find({
        collection: 'events',
        where: { start: { greater_than_equal: from, less_than: to }, status: { not_equals: 'cancelled' } },
        sort: 'start',
        limit: 200,
        draft: true,
        ...as,
        depth: 1,
      })
    ).docs
  const day = daysAhead(now, 1)
  const week = daysAhead(now, 7)
  const [todays, weeks] = await Promise.all([events(day.from, day.to), events(now.toISOString(), week.to)])
  const describe = async (event: Event): Promise<DayEvent> => ({
    id: event.id,
    title: event.title,
    start: event.start,
    capacity: event.capacity,
    centreName: typeof event.centre === 'object' ? event.centre.name : '',
    seatsTaken: event.seatsTaken ?? 0,
    waitingCount: event.waitingCount ?? 0,
    checkedIn: (
      await payload.count({
        collection: 'registrations',
        where: { event: { equals: event.id }, status: { equals: 'attended' } },
        ...as,
      })
    ).totalDocs,
  })
  const full = weeks.filter((e) => (e.seatsTaken ?? 0) >= e.capacity || (e.waitingCount ?? 0) > 0)

  const [claims, volunteers, visits, centres] = await Promise.all([
    payload.count({ collection: 'project-claims', where: { status: { equals: 'offered' } }, ...as }),
    payload.count({
      collection: 'volunteers',
      where: {
        status: { equals: 'active' },
        createdAt: { greater_than: new Date(now.getTime() - 7 * DAY).toISOString() },
      },
      ...as,
    }),
    payload.find({
      collection: 'visit-requests',
      where: { status: { in: ['pending', 'approved', 'scheduled'] } },
      sort: '-createdAt',
      limit: 5,
      ...as,
    }),
    payload.find({ collection: 'centres', sort: 'name', limit: 200, draft: true, ...as }),
  ])

  const evaluated = await payload.find({
    collection: 'evaluations',
    where: { centre: { in: centres.docs.map((c) => c.id) } },
    limit: 1000,
    select: { centre: true, year: true, half: true },
    ...as,
  })
  const evaluations = isDistrict
    ? []
    : centres.docs.map((centre) => ({
        centre: { id: centre.id, name: centre.name },
        next: nextEvaluation(
          evaluated.docs
            .filter((e) => String(e.centre) === String(centre.id))
            .map((e) => ({ year: e.year, half: String(e.half) })),
          now,
        ),
      }))

  let quietCentres: StaffDay['quietCentres']
  if (isDistrict) {
    const soon = daysAhead(now, 14)
    const upcoming = await payload.find({
      collection: 'events',
      // Only what residents can see and come to counts as an event here.
      where: {
        start: { greater_than_equal: now.toISOString(), less_than: soon.to },
        _status: { equals: 'published' },
        status: { not_equals: 'cancelled' },
      },
      limit: 0,
      pagination: false,
      select: { centre: true },
      ...as,
    })
    const published = centres.docs.filter((c) => c._status === 'published')
    quietCentres = centresWithoutEvents(
      published,
      upcoming.docs.map((e) => e.centre as number),
    ).map((c) => ({ id: c.id, name: c.name }))
  }

  return {
    today: await Promise.all(todays.map(describe)),
    fullThisWeek: await Promise.all(full.map(describe)),
    claimsWaiting: claims.totalDocs,
    newVolunteers: volunteers.totalDocs,
    visits: visits.docs.map(({ id, organisation, delegationSize, status, preferredDates }) => ({
      id,
      organisation,
      delegationSize,
      status,
      preferredDates,
    })),
    evaluations,
    quietCentres,
  }
}
