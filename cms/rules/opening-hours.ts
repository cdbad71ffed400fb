/**
 * Whether a centre is open, and when it next opens, from its weekly hours and its closed days.
 * Centres keep Shanghai time (UTC+8, no daylight saving) wherever the server runs, so every
 * calendar question is answered from UTC shifted by eight hours, never from the host's clock.
 */
import { labelOf, WEEKDAYS } from '../vocabulary'

export type Weekday = (typeof WEEKDAYS)[number]['value']
export type OpeningRow = { day: Weekday; opens: string; closes: string }
export type Closure = { date: string; note?: string | null }
export type Period = { opens: string; closes: string }

export type ShanghaiParts = {
  /** YYYY-MM-DD */
  date: string
  weekday: Weekday
  /** Minutes since Shanghai midnight, 0–1439 */
  minutes: number
}

export type OpeningStatus = {
  open: boolean
  /** HH:MM, when open */
  closesAt?: string
  /** When closed; absent if nothing opens within the look-ahead */
  opensNext?: { weekday: Weekday; date: string; time: string }
  /** Today is one of the centre's closed days */
  closedToday?: { note?: string }
}

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
// Long enough to reach past the longest holiday (Spring Festival) with room to spare.
const LOOKAHEAD_DAYS = 14
// Same rule the CMS validates with: periods end the same day, so there is no '24:00'.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
)

type Span = { start: number; end: number }
type Rows = ReadonlyArray<OpeningRow> | null | undefined
type Closures = ReadonlyArray<Closure> | null | undefined

/**
 * The parts of the minutes asked for lately, kept: the directory asks about the same few minutes
 * (now, and the same time on the days ahead) for every centre on every request.
 */
const partsOfMinute = new Map<number, ShanghaiParts>()
const MINUTE_MS = 60_000

export function shanghaiParts(instant: Date): ShanghaiParts {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('Invalid date')
  const minute = Math.floor(ms / MINUTE_MS)
  let parts = partsOfMinute.get(minute)
  if (!parts) {
    if (partsOfMinute.size >= 1_000) partsOfMinute.clear()
    const shifted = new Date(minute * MINUTE_MS + SHANGHAI_OFFSET_MS)
    parts = Object.freeze({
      date: shifted.toISOString().slice(0, 10),
      // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
      weekday: WEEKDAYS[(shifted.getUTCDay() + 6) % 7]!.value,
      minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    })
    partsOfMinute.set(minute, parts)
  }
  return parts
}

function minutesOf(time: string): number | null {
  const match = TIME.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Editors type the hours by hand, so rows that cannot be read are dropped rather than guessed at,
 * and overlapping or touching periods are merged: a resident cares when the door actually closes.
 */
function spansByDay(rows: Rows): Record<Weekday, Span[]> {
  const days = Object.fromEntries(WEEKDAYS.map(({ value }) => [value, [] as Span[]])) as Record<
    Weekday,
    Span[]
  >
  for (const row of rows ?? []) {
    const start = minutesOf(row.opens)
    const end = minutesOf(row.closes)
    if (start !== null && end !== null && start < end) days[row.day]?.push({ start, end })
  }
  for (const day of WEEKDAYS) {
    const merged: Span[] = []
    for (const span of days[day.value].sort((a, b) => a.start - b.start)) {
      const last = merged.at(-1)
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
      else merged.push({ ...span })
    }
    days[day.value] = merged
  }
  return days
}

/** Closed days by Shanghai calendar date, with their note. */
function closedDays(closures: Closures): Map<string, string | undefined> {
  const days = new Map<string, string | undefined>()
  for (const { date, note } of closures ?? []) {
    // Payload stores a picked day as a timestamp whose UTC date may be the day before; a bare
    // YYYY-MM-DD parses as UTC midnight, which is still the same date in Shanghai.
    const ms = Date.parse(date)
    if (Number.isNaN(ms)) continue
    const day = shanghaiParts(new Date(ms)).date
    days.set(day, days.get(day) ?? (note?.trim() || undefined))
  }
  return days
}

/**
 * The site's kept documents are frozen and shared between requests (src/lib/content/memo.ts), so
 * the hours and closed days of a frozen document are worked out once, not on every page: the
 * centre directory asks for every centre's status on every request. An unfrozen list (a document
 * being edited) may still change, so it is worked out afresh each time.
 */
const keptSpans = new WeakMap<object, Record<Weekday, Span[]>>()
const keptClosedDays = new WeakMap<object, Map<string, string | undefined>>()

function keptFor<In, Out>(kept: WeakMap<object, Out>, input: In, work: (input: In) => Out): Out {
  if (!input || typeof input !== 'object' || !Object.isFrozen(input)) return work(input)
  let result = kept.get(input)
  if (result === undefined) {
    result = work(input)
    kept.set(input, result)
  }
  return result
}

export function weeklySchedule(rows: Rows): Array<{ day: Weekday; periods: Period[] }> {
  const days = keptFor(keptSpans, rows, spansByDay)
  return WEEKDAYS.map(({ value }) => ({
    day: value,
    periods: days[value].map(({ start, end }) => ({ opens: hhmm(start), closes: hhmm(end) })),
  }))
}

export function openingStatus(rows: Rows, closures: Closures, now: Date): OpeningStatus {
  const days = keptFor(keptSpans, rows, spansByDay)
  const closed = keptFor(keptClosedDays, closures, closedDays)
  const today = shanghaiParts(now)
  const status: OpeningStatus = { open: false }

  if (closed.has(today.date)) {
    const note = closed.get(today.date)
    status.closedToday = note ? { note } : {}
  } else {
    const current = days[today.weekday].find(
      ({ start, end }) => start <= today.minutes && today.minutes < end,
    )
    if (current) return { open: true, closesAt: hhmm(current.end) }
  }

  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
    const day = shanghaiParts(new Date(now.getTime() + offset * DAY_MS))
    if (closed.has(day.date)) continue
    const next = days[day.weekday].find(({ start }) => offset > 0 || start > today.minutes)
    if (next) {
      status.opensNext = { weekday: day.weekday, date: day.date, time: hhmm(next.start) }
      break
    }
  }
  return status
}

export function isOpenAt(rows: Rows, closures: Closures, instant: Date): boolean {
  return openingStatus(rows, closures, instant).open
}

/** One short line for the centre's page; many readers are elderly, so plain words and "today"/"tomorrow". */
export function describeStatus(status: OpeningStatus, locale: 'zh' | 'en', now: Date): string {
  const zh = locale === 'zh'
  if (status.open) {
    if (!status.closesAt) return zh ? '正在开放' : 'Open now'
    return zh ? `正在开放，${status.closesAt} 关门` : `Open now, closes at ${status.closesAt}`
  }

  const next = status.opensNext
  const today = shanghaiParts(now).date
  const note = status.closedToday?.note
  let head: string
  if (status.closedToday)
    head = zh ? `今天闭馆${note ? `（${note}）` : ''}` : `Closed today${note ? ` (${note})` : ''}`
  else if (!next) head = zh ? '暂不开放' : 'Closed for now'
  else if (zh) head = next.date === today ? '现在未开放' : '今天已关门'
  else head = 'Closed now'
  if (!next) return head

  const tomorrow = shanghaiParts(new Date(now.getTime() + DAY_MS)).date
  const [, month, day] = next.date.split('-').map(Number)
  const weekday = labelOf(WEEKDAYS, next.weekday, locale)
  if (zh) {
    const when =
      next.date === today ? '今天' : next.date === tomorrow ? '明天' : `${month}月${day}日 ${weekday}`
    return `${head}，${when} ${next.time} 开门`
  }
  const when =
    next.date === today
      ? 'today'
      : next.date === tomorrow
        ? 'tomorrow'
        : `${weekday} ${day} ${MONTHS[(month ?? 1) - 1]}`
  return `${head}${status.closedToday ? ';' : ','} opens ${when} at ${next.time}`
}
