/** Events as the calendar, an event's page and the home page show them. */
import type { Where } from 'payload'
import type { Event } from '@cms/payload-types'
import type { PreviewGrant } from '@cms/preview'
import { seatsLeft } from '@cms/rules/signup'
import { stillUpcoming, upcomingWhere } from '@cms/rules/upcoming'
import { cms, findDocuments, type Locale } from '../cms'
import { withCurrentSeats, withCurrentSeatsOf } from './live-counts'
import { keptUntilDocumentsChange } from './memo'

/**
 * A kept list is up to a minute old, and events that end within that minute leave it (the rule of
 * cms/rules/upcoming.ts); a few more than asked for are read so that the list stays full.
 */
const SPARE = 8

/** Scheduled events not yet over (cms/rules/upcoming.ts), soonest first, with their seats now. */
export async function upcomingEvents(
  locale: Locale,
  { centreId, days, limit = 20 }: { centreId?: number; days?: number; limit?: number } = {},
): Promise<readonly Event[]> {
  const now = new Date()
  // Seats for the kept list as a whole, so that what is worked out for it is kept with it.
  const kept = await upcomingEventDocuments(locale, centreId, days, limit + SPARE)
  return stillUpcoming(await withCurrentSeats(kept), now).slice(0, limit)
}

const upcomingEventDocuments = keptUntilDocumentsChange(
  async (locale: Locale, centreId: number | undefined, days: number | undefined, limit: number) => {
    const and: Record<string, unknown>[] = [
      ...upcomingWhere(new Date(), days),
      { status: { equals: 'scheduled' } },
    ]
    if (centreId) and.push({ centre: { equals: centreId } })
    const { docs } = await findDocuments({
      collection: 'events',
      where: { and } as never,
      sort: 'start',
      locale,
      depth: 1,
      // Of the centre, what an event's line names: a page of eight events loads eight names, not
      // eight whole centre profiles.
      populate: { centres: { name: true, slug: true } },
      limit,
    })
    return docs
  },
)

/** What the public events calendar (/events) can be narrowed by. */
export type EventListFilters = {
  /** Start of the range (inclusive). */
  from: Date
  /** End of the range (exclusive); open-ended when missing. */
  to?: Date
  category?: string
  audience?: string
  centreId?: number | string
  /** Only events that still have a free seat (and so are not cancelled). */
  hasSeats?: boolean
}

/** Seats a newcomer could take (the rule in cms/rules/signup.ts: none while anyone waits). */
export const eventSeatsLeft = (event: Pick<Event, 'capacity' | 'seatsTaken' | 'waitingCount'>): number =>
  seatsLeft(event)

/** What the calendar shows of each event, and no more (no texts of other languages, no images). */
export const CALENDAR_EVENT_FIELDS = {
  title: true,
  start: true,
  end: true,
  room: true,
  category: true,
  description: true,
  status: true,
  capacity: true,
  seatsTaken: true,
  waitingCount: true,
  waitingList: true,
  centre: true,
  updatedAt: true,
} as const
export type CalendarEvent = Pick<Event, 'id' | keyof typeof CALENDAR_EVENT_FIELDS>

/**
 * Published events in a range for the calendar, soonest first, cancelled ones included so that
 * residents who signed up see it (unless only events with seats are asked for). Events already
 * over are left out (cms/rules/upcoming.ts). One query; only the centre's name and slug are populated.
 */
export async function listEvents(
  locale: Locale,
  filters: EventListFilters,
): Promise<readonly CalendarEvent[]> {
  const now = new Date()
  const kept = await calendarEventDocuments(
    locale,
    filters.from.toISOString(),
    filters.to?.toISOString(),
    filters.category,
    filters.audience,
    filters.centreId === undefined ? undefined : String(filters.centreId),
    filters.hasSeats ?? false,
  )
  // Seats for the whole kept list, then what is over is left out: while nothing has moved or ended,
  // the kept list itself, so that nothing about it is worked out again for the next page.
  const docs = stillUpcoming(await withCurrentSeats(kept), now)
  // Comparing two columns is beyond Payload's query language, so seats are checked here.
  return filters.hasSeats ? docs.filter((event) => eventSeatsLeft(event) > 0) : docs
}

const calendarEventDocuments = keptUntilDocumentsChange(
  async (
    locale: Locale,
    from: string,
    to: string | undefined,
    category: string | undefined,
    audience: string | undefined,
    centreId: string | undefined,
    scheduledOnly: boolean,
  ): Promise<CalendarEvent[]> => {
    const and: Where[] = [{ start: { greater_than_equal: from } }, ...(upcomingWhere() as Where[])]
    if (to) and.push({ start: { less_than: to } })
    if (category) and.push({ category: { equals: category } })
    if (audience) and.push({ audience: { in: [audience] } })
    if (centreId) and.push({ centre: { equals: centreId } })
    if (scheduledOnly) and.push({ status: { equals: 'scheduled' } })
    const { docs } = await findDocuments({
      collection: 'events',
      where: { and },
      sort: 'start',
      locale,
      depth: 1,
      select: CALENDAR_EVENT_FIELDS,
      populate: { centres: { name: true, slug: true } },
      // Every event of the range: the calendar's windows (two weeks, a week, a month) bound it, and a
      // busy month must not lose its last week to a cap.
      limit: 0,
      pagination: false,
    })
    return docs
  },
)

/**
 * One event: the published version, or its latest draft when the visitor holds a preview grant
 * for exactly this event. The centre comes populated (rooms, phone) for the event page.
 */
export async function getEvent(
  id: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<Event | null> {
  if (!/^[\w-]{1,64}$/.test(id)) return null
  if (grant?.collection === 'events' && grant.id === id) {
    const draft = await (
      await cms()
    ).findByID({
      collection: 'events',
      id,
      locale,
      depth: 1,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
    })
    if (draft) return draft
  }
  const event = await publishedEvent(id, locale)
  return event && withCurrentSeatsOf(event)
}

const publishedEvent = keptUntilDocumentsChange(async (id: string, locale: Locale): Promise<Event | null> => {
  try {
    const { docs } = await findDocuments({
      collection: 'events',
      where: { id: { equals: id } },
      locale,
      limit: 1,
      pagination: false,
      depth: 1,
    })
    return docs[0] ?? null
  } catch {
    // An id the database cannot even parse (e.g. not an ObjectId on MongoDB) names no event.
    return null
  }
})

/** How many of a weekly class's other sessions its page lists: the next ones. */
const SESSIONS_SHOWN = 10

/**
 * The other published sessions of a weekly class still to come (cms/rules/upcoming.ts), soonest
 * first, at most SESSIONS_SHOWN. A class that has run weekly for years has a hundred sessions;
 * a resident looks for the next ones, and the page of one that is over is still its address.
 */
export async function seriesSessions(event: Event, locale: Locale): Promise<readonly Event[]> {
  const seriesId = typeof event.series === 'object' && event.series ? event.series.id : event.series
  const now = new Date()
  const sessions = await sessionDocuments(seriesId ?? event.id, event.id, locale)
  return withCurrentSeats(stillUpcoming(sessions, now).slice(0, SESSIONS_SHOWN))
}

const sessionDocuments = keptUntilDocumentsChange(
  async (key: number, eventId: number, locale: Locale): Promise<Event[]> => {
    const { docs } = await findDocuments({
      collection: 'events',
      where: {
        and: [
          { or: [{ series: { equals: key } }, { id: { equals: key } }] },
          { id: { not_equals: eventId } },
          ...(upcomingWhere() as Where[]),
        ],
      },
      sort: 'start',
      locale,
      depth: 0,
      limit: SESSIONS_SHOWN + SPARE,
      pagination: false,
    })
    return docs
  },
)
