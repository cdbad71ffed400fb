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

/** When the first of a kept (frozen) list of events ends, worked out once per list. */
const firstEnds = new WeakMap<object, number>()

/**
 * The events of a list still upcoming at `now`, by the same rule. While none of them has ended,
 * the list itself (not a copy): the site's lists are kept, frozen and read again only when a
 * document changes, so a busy month's hundreds of events are not looked at on every page, and
 * what is kept with the list (its cards' HTML) stays good.
 */
export function stillUpcoming<T extends Timed>(events: readonly T[], now = new Date()): readonly T[] {
  let firstEnd = firstEnds.get(events)
  if (firstEnd === undefined) {
    firstEnd = Infinity
    for (const event of events) firstEnd = Math.min(firstEnd, endOf(event))
    if (Object.isFrozen(events)) firstEnds.set(events, firstEnd)
  }
  return now.getTime() < firstEnd ? events : events.filter((event) => isUpcoming(event, now))
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
