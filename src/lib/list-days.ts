/**
 * How far one page of the calendar's list view reaches. The list shows whole days from its first
 * day; a busy fortnight (years into a district's use, a few hundred events) would make one long
 * page for a phone to load and a resident to scroll, so a page ends before the day whose events
 * no longer fit in `max`. The first day is always shown whole, however busy.
 *
 * `dayOfEach`: the day ("2026-12-02") of each event found, in date order. Returns the first day
 * not on this page: `end` when everything fits.
 */
export function listPageEnd(dayOfEach: string[], end: string, max: number): string {
  if (dayOfEach.length <= max) return end
  const cut = dayOfEach[max]!
  if (cut > dayOfEach[0]!) return cut
  return dayOfEach.find((day) => day > cut) ?? end
}
