/**
 * A date-time string's milliseconds since 1970, parsed once per distinct string.
 *
 * Lists re-read the same kept documents on every request (src/lib/content/memo.ts) and ask of each
 * event whether it is over and which Shanghai day it starts on: on a busy month that was a thousand
 * `Date.parse` calls a page, a tenth of its render. The strings are the kept documents' own, so a
 * look-up finds them by a hash V8 has already worked out. At most MAX_KEPT are kept; past that the
 * table starts again (a few years of a district's events fit).
 */
const MAX_KEPT = 50_000
const parsed = new Map<string, number>()

/** Like Date.parse: NaN for what is not a date. */
export function instantOf(value: string): number {
  let ms = parsed.get(value)
  if (ms === undefined) {
    ms = Date.parse(value)
    if (parsed.size >= MAX_KEPT) parsed.clear()
    parsed.set(value, ms)
  }
  return ms
}
