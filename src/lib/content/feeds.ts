/** Feeds: the calendar (.ics), RSS and the sitemap. One query per collection, only what a feed names. */
import type { Where } from 'payload'
import type { Centre, Event } from '@cms/payload-types'
import { sitemapEventsWhere, stillUpcoming, upcomingWhere } from '@cms/rules/upcoming'
import { findDocuments } from '../cms'
import { CALENDAR_EVENT_FIELDS } from './events'
import { withCurrentSeats } from './live-counts'
import { keptUntilDocumentsChange } from './memo'

/** The centre of a feed event: only what a calendar entry shows. */
export type FeedCentre = Pick<Centre, 'id' | 'name' | 'slug' | 'address' | 'latitude' | 'longitude'>

/** An event as the calendar and RSS feeds need it, with its centre populated. */
export type FeedEvent = Pick<
  Event,
  | 'id'
  | 'title'
  | 'start'
  | 'end'
  | 'room'
  | 'category'
  | 'description'
  | 'status'
  | 'capacity'
  | 'seatsTaken'
  | 'waitingCount'
  | 'waitingList'
  | 'updatedAt'
> & { centre: FeedCentre | null }

/**
 * Published events that are not over yet and start within `days`, soonest first, for the calendar
 * and RSS feeds. Cancelled ones are included on request, so that a subscribed calendar shows the
 * cancellation instead of the entry silently vanishing. The events' own fields are kept until a
 * document changes (memo.ts); their seats, which every sign-up moves, are read afresh.
 */
export async function feedEvents({
  centreId,
  days,
  includeCancelled = false,
  withSeats = true,
}: {
  centreId?: number
  days: number
  includeCancelled?: boolean
  /** False for a feed that names no seats (RSS): it then reads nothing a sign-up moves. */
  withSeats?: boolean
}): Promise<readonly FeedEvent[]> {
  const now = new Date()
  // Kept up to a minute: one that has ended since leaves here (the rule of cms/rules/upcoming.ts).
  const events = stillUpcoming(await feedEventDocuments(days, includeCancelled, centreId), now)
  return withSeats ? withCurrentSeats(events) : events
}

const feedEventDocuments = keptUntilDocumentsChange(
  async (days: number, includeCancelled: boolean, centreId?: number): Promise<FeedEvent[]> => {
    const and: Record<string, unknown>[] = [
      ...upcomingWhere(new Date(), days),
      { status: { in: includeCancelled ? ['scheduled', 'cancelled'] : ['scheduled'] } },
    ]
    if (centreId) and.push({ centre: { equals: centreId } })
    const { docs } = await findDocuments({
      collection: 'events',
      where: { and } as never,
      sort: 'start',
      locale: 'zh',
      depth: 1,
      limit: 0,
      pagination: false,
      // The same fields as the calendar page: a feed names what the calendar shows.
      select: CALENDAR_EVENT_FIELDS,
      populate: { centres: { name: true, slug: true, address: true, latitude: true, longitude: true } },
    })
    return docs.map((doc) => ({
      ...(doc as unknown as Omit<FeedEvent, 'centre'>),
      // A centre the public may not read stays a bare id: the feed then shows no location.
      centre: typeof doc.centre === 'object' && doc.centre ? (doc.centre as FeedCentre) : null,
    }))
  },
)

/** One published centre by slug, for its calendar feed: the fields a calendar names. */
export const feedCentre = keptUntilDocumentsChange(async (slug: string): Promise<FeedCentre | null> => {
  const { docs } = await findDocuments({
    collection: 'centres',
    where: { slug: { equals: slug } },
    locale: 'zh',
    depth: 0,
    limit: 1,
    select: { name: true, slug: true, address: true, latitude: true, longitude: true },
  })
  return (docs[0] as FeedCentre | undefined) ?? null
})

/** A published document that has a page of its own, as feeds list it. */
export type FeedDocument = {
  id: number
  slug: string
  title: string
  summary?: string | null
  updatedAt: string
}

/**
 * The most recently updated published case studies, conventions and projects, for the RSS feed.
 * One query per collection, title, slug and summary only.
 */
export const feedLatestDocuments = keptUntilDocumentsChange(
  async (
    limit: number,
  ): Promise<{
    caseStudies: FeedDocument[]
    conventions: FeedDocument[]
    projects: FeedDocument[]
  }> => {
    const recent = async (collection: 'case-studies' | 'conventions' | 'projects') =>
      (
        await findDocuments({
          collection,
          sort: '-updatedAt',
          locale: 'zh',
          depth: 0,
          limit,
          select: { title: true, slug: true, summary: true, updatedAt: true },
        })
      ).docs as unknown as FeedDocument[]
    const [caseStudies, conventions, projects] = await Promise.all([
      recent('case-studies'),
      recent('conventions'),
      recent('projects'),
    ])
    return { caseStudies, conventions, projects }
  },
)

/** What the sitemap needs of a document: its address part and when it last changed (events: and start). */
export type SitemapDocument = { id: number; slug?: string | null; updatedAt: string; start?: string }

/**
 * Every published centre, event, convention, project and case study, address and date only. One
 * query per collection, as the public sees them (drafts never appear). Nothing in it moves with
 * seats, so it is kept until a document changes (memo.ts; a day's turn is at most a minute late).
 */
export const sitemapEntries = keptUntilDocumentsChange(
  async (): Promise<{
    centres: SitemapDocument[]
    events: SitemapDocument[]
    conventions: SitemapDocument[]
    projects: SitemapDocument[]
    caseStudies: SitemapDocument[]
  }> => {
    const all = async (collection: 'centres' | 'conventions' | 'projects' | 'case-studies') =>
      (
        await findDocuments({
          collection,
          sort: 'slug',
          depth: 0,
          limit: 0,
          pagination: false,
          select: { slug: true, updatedAt: true },
        })
      ).docs as unknown as SitemapDocument[]
    const events = async () =>
      (
        await findDocuments({
          collection: 'events',
          where: { and: sitemapEventsWhere() } as Where,
          sort: 'start',
          depth: 0,
          limit: 0,
          pagination: false,
          select: { updatedAt: true, start: true },
        })
      ).docs as unknown as SitemapDocument[]
    const [centres, eventDocs, conventions, projects, caseStudies] = await Promise.all([
      all('centres'),
      events(),
      all('conventions'),
      all('projects'),
      all('case-studies'),
    ])
    return { centres, events: eventDocs, conventions, projects, caseStudies }
  },
)
