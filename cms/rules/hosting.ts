/**
 * How many study delegations a centre can still host on a day. Each centre has a hosting limit
 * (delegations per day, set by the district); requests already made hold days at centres; a
 * requested day is refused when a chosen centre is full (or closed), and the next days that suit
 * every chosen centre are offered instead.
 *
 * Days are Shanghai calendar days (YYYY-MM-DD), whatever the server's timezone.
 */
import { type Closure, type OpeningRow, shanghaiParts, weeklySchedule } from './opening-hours'

type Id = number | string
/** YYYY-MM-DD, a calendar day in Shanghai */
export type Day = string

/**
 * The statuses that hold a day. A pending request holds its days because the district answers
 * in order of arrival and must not promise a day twice while it is still deciding; approved and
 * scheduled ones are promises already. A declined request holds nothing: the delegation is not
 * coming, and keeping its days would turn other delegations away for no one.
 */
export const OCCUPYING_STATUSES = ['pending', 'approved', 'scheduled'] as const

/** What the centre's own field defaults to, for centres saved before the field existed. */
export const DEFAULT_HOSTING_LIMIT = 2

export type HostedRequest = {
  id?: Id | null
  status?: string | null
  centres?: ReadonlyArray<unknown> | null
  preferredDates?: ReadonlyArray<{ date?: string | null }> | null
  itinerary?: ReadonlyArray<{ centre?: unknown; start?: string | null }> | null
}

export type HostingCentre = {
  id: Id
  hostingLimit?: number | null
  openingHours?: ReadonlyArray<OpeningRow> | null
  closures?: ReadonlyArray<Closure> | null
}

/** One centre on one day. */
export type Slot = { centre: string; day: Day }

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

/** A strict YYYY-MM-DD that names a real calendar day, or null. */
export function parseDay(input: string): Day | null {
  const match = DAY.exec(input.trim())
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? input.trim()
    : null
}

/** The Shanghai day of a stored date (a timestamp, or a bare YYYY-MM-DD). */
export function shanghaiDay(value: string | Date | null | undefined): Day | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' && parseDay(value)) return value.trim()
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime()
  return Number.isNaN(ms) ? null : shanghaiParts(new Date(ms)).date
}

export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Noon in Shanghai on that day: whichever timezone reads it back, the calendar day stays the same. */
export function dayToTimestamp(day: Day): string {
  return `${day}T04:00:00.000Z`
}

/**
 * The (centre, day) pairs a request holds. Until the district plans the visit it holds each of its
 * preferred dates at each of its centres, since any of them may become the day. Once there is an
 * itinerary, that is the plan: it holds exactly the centres and days written there.
 */
export function occupiedSlots(request: HostedRequest): Slot[] {
  if (!OCCUPYING_STATUSES.includes(request.status as never)) return []
  const slots = new Map<string, Slot>()
  const add = (centre: string | undefined, day: Day | null) => {
    if (centre !== undefined && day !== null) slots.set(`${centre}|${day}`, { centre, day })
  }
  const itinerary = request.itinerary ?? []
  if (itinerary.length > 0) {
    for (const stop of itinerary) add(idOf(stop.centre), shanghaiDay(stop.start))
  } else {
    for (const centre of request.centres ?? []) {
      for (const { date } of request.preferredDates ?? []) add(idOf(centre), shanghaiDay(date))
    }
  }
  return [...slots.values()]
}

/** How many requests (other than `exclude`) hold each centre on each day, keyed `centre|day`. */
export function bookings(requests: ReadonlyArray<HostedRequest>, exclude?: Id | null): Map<string, number> {
  const counts = new Map<string, number>()
  for (const request of requests) {
    if (exclude !== undefined && exclude !== null && String(request.id) === String(exclude)) continue
    for (const { centre, day } of occupiedSlots(request)) {
      const key = `${centre}|${day}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}

export function hostingLimitOf(centre: HostingCentre): number {
  const limit = centre.hostingLimit
  return typeof limit === 'number' && Number.isFinite(limit) ? Math.max(0, limit) : DEFAULT_HOSTING_LIMIT
}

/**
 * Whether the centre is closed that day: one of its closed days, or a weekday it has no hours on.
 * A centre whose hours were never entered is taken to be open: nothing is known to say otherwise.
 */
export function isClosedOn(centre: HostingCentre, day: Day): boolean {
  for (const closure of centre.closures ?? []) {
    if (shanghaiDay(closure.date) === day) return true
  }
  const schedule = weeklySchedule(centre.openingHours)
  if (schedule.every(({ periods }) => periods.length === 0)) return false
  const weekday = shanghaiParts(new Date(`${day}T12:00:00+08:00`)).weekday
  return schedule.find((entry) => entry.day === weekday)!.periods.length === 0
}

export type DayCheck = {
  day: Day
  /** Centres whose hosting limit is reached that day */
  full: string[]
  /** Centres closed that day */
  closed: string[]
}

export type HostingQuery = {
  centres: ReadonlyArray<HostingCentre>
  /** Requests that may hold the centres' days (any status; only occupying ones count) */
  requests: ReadonlyArray<HostedRequest>
  /** The request being changed, which never competes with itself */
  exclude?: Id | null
  /** Whether closed days count as unavailable (the public form) or only the limit (staff) */
  checkClosed?: boolean
}

/** For each requested day, which chosen centres cannot host a delegation then. */
export function checkDays(query: HostingQuery, days: ReadonlyArray<Day>): DayCheck[] {
  return checker(query)(days)
}

function checker(query: HostingQuery): (days: ReadonlyArray<Day>) => DayCheck[] {
  const counts = bookings(query.requests, query.exclude)
  return (days) =>
    days.map((day) => {
      const check: DayCheck = { day, full: [], closed: [] }
      for (const centre of query.centres) {
        const id = String(centre.id)
        if (query.checkClosed && isClosedOn(centre, day)) check.closed.push(id)
        else if ((counts.get(`${id}|${day}`) ?? 0) >= hostingLimitOf(centre)) check.full.push(id)
      }
      return check
    })
}

export const isAvailable = (check: DayCheck): boolean => check.full.length === 0 && check.closed.length === 0

/**
 * The next days after `after` on which every chosen centre can host a delegation (and is open, if
 * closed days are checked), at most `count` of them, up to `until` inclusive. Days in `skip` (the
 * delegation's other choice) are not offered again.
 */
export function nextFreeDays(
  query: HostingQuery,
  after: Day,
  { count = 3, until, skip = [] }: { count?: number; until: Day; skip?: ReadonlyArray<Day> },
): Day[] {
  const free: Day[] = []
  if (query.centres.some((centre) => hostingLimitOf(centre) === 0)) return free
  const check = checker(query)
  for (let day = addDays(after, 1); day <= until && free.length < count; day = addDays(day, 1)) {
    if (skip.includes(day)) continue
    if (isAvailable(check([day])[0]!)) free.push(day)
  }
  return free
}
