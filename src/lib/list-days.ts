import { shanghaiDay } from '@cms/rules/shanghai-time'

/** The day in Shanghai each event of a kept (frozen) list starts on, worked out once per list. */
const startDaysOfLists = new WeakMap<object, readonly string[]>()

/** The day ("2026-12-02", Shanghai) each event starts on, in the list's order. */
export function startDays(events: ReadonlyArray<{ start: string }>): readonly string[] {
  let days = startDaysOfLists.get(events)
  if (!days) {
    days = events.map((event) => shanghaiDay(event.start))
    if (Object.isFrozen(events)) startDaysOfLists.set(events, Object.freeze(days))
  }
  return days
}

/**
 * How far one page of the calendar's list view reaches. The list shows whole days from its first
 * day; a busy fortnight (years into a district's use, a few hundred events) would make one long
 * page for a phone to load and a resident to scroll, so a page ends before the day whose events
 * no longer fit in `max`. The first day is always shown whole, however busy.
 *
 * `dayOfEach`: the day ("2026-12-02") of each event found, in date order. Returns the first day
 * not on this page: `end` when everything fits.
 */
export function listPageEnd(dayOfEach: readonly string[], end: string, max: number): string {
  if (dayOfEach.length <= max) return end
  const cut = dayOfEach[max]!
  if (cut > dayOfEach[0]!) return cut
  return dayOfEach.find((day) => day > cut) ?? end
}

/**
 * Where the page before a list page starts, so that "earlier" shows the days just before it
 * however busy they were, skipping none: as far back as whole days of `max` events reach, at most
 * to `from`.
 *
 * `dayOfEach`: the day of each event found from `from` up to the page's first day, in date order.
 * Returns the first day of the page before; at least the last busy day is on it, however busy.
 */
export function listPageStart(dayOfEach: readonly string[], from: string, max: number): string {
  if (dayOfEach.length <= max) return from
  // The latest event that no longer fits: its day cannot be on the page whole.
  const cut = dayOfEach[dayOfEach.length - max - 1]!
  return dayOfEach.find((day) => day > cut) ?? cut
}
