/**
 * What "upcoming" means, everywhere (home page, calendar, a centre's page, search, feeds): an event
 * stays upcoming until it ends. A class under way still shows, because a resident can still walk
 * in, and one that has ended does not.
 */
import { instantOf } from './instants'

export type Timed = { start: string; end?: string | null }

/** The event's end, or its start when no end was given. */
const endOf = (event: Timed) => instantOf(event.end ?? event.start)

export function isUpcoming(event: Timed, now = new Date()): boolean {
  return endOf(event) > now.getTime()
}

/**
 * What is still upcoming of a kept (frozen) list, worked out when one of its events ends: the
 * events left (the list itself while none has ended), and when the first of those ends.
 */
const upcomingOf = new WeakMap<object, { events: readonly Timed[]; until: number }>()

/**
 * The events of a list still upcoming at `now`, by the same rule. For a kept list, the same list
 * (not a copy) until the next of its events ends: the list itself while none has, then the events
 * left, frozen. The site's lists are kept, frozen and read again only when a document changes, so a
 * busy month's hundreds of events are not looked at on every page, and what is kept with the list
 * (its days, its cards' HTML, its month grid) stays good until an event ends.
 */
export function stillUpcoming<T extends Timed>(events: readonly T[], now = new Date()): readonly T[] {
  const at = now.getTime()
  const kept = upcomingOf.get(events)
  if (kept && at < kept.until) return kept.events as readonly T[]
  const ended = events.some((event) => endOf(event) <= at)
  const upcoming = ended ? events.filter((event) => endOf(event) > at) : events
  if (Object.isFrozen(events)) {
    let until = Infinity
    for (const event of upcoming) until = Math.min(until, endOf(event))
    upcomingOf.set(events, { events: upcoming === events ? events : Object.freeze(upcoming), until })
  }
  return upcoming
}

/** The same rule as a query: events that end after `now` (and, with `days`, start within them). */
export function upcomingWhere(now = new Date(), days?: number): Array<Record<string, unknown>> {
  const where: Array<Record<string, unknown>> = [{ end: { greater_than: now.toISOString() } }]
  if (days) where.push({ start: { less_than: new Date(now.getTime() + days * 86_400_000).toISOString() } })
  return where
}

/**
 * The events a sitemap lists: those not yet over and those that ended in the last 90 days (still
 * worth finding, e.g. for a report of them). Older ones keep their pages but leave the sitemap, so
 * it stays far below the 50,000 addresses a sitemap may hold however many years the district runs.
 */
export const SITEMAP_PAST_DAYS = 90

export function sitemapEventsWhere(now = new Date()): Array<Record<string, unknown>> {
  return upcomingWhere(new Date(now.getTime() - SITEMAP_PAST_DAYS * 86_400_000))
}
