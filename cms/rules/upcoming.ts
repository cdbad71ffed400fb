/**
 * What "upcoming" means, everywhere (home page, calendar, a centre's page, search, feeds): an event
 * stays upcoming until it ends. A class under way still shows, because a resident can still walk
 * in, and one that has ended does not.
 */
export type Timed = { start: string; end?: string | null }

/** The event's end, or its start when no end was given. */
const endOf = (event: Timed) => new Date(event.end ?? event.start)

export function isUpcoming(event: Timed, now = new Date()): boolean {
  return endOf(event) > now
}

/** The same rule as a query: events that end after `now` (and, with `days`, start within them). */
export function upcomingWhere(now = new Date(), days?: number): Array<Record<string, unknown>> {
  const where: Array<Record<string, unknown>> = [{ end: { greater_than: now.toISOString() } }]
  if (days) where.push({ start: { less_than: new Date(now.getTime() + days * 86_400_000).toISOString() } })
  return where
}
