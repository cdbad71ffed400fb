/**
 * The periods the staff dashboard looks at, in Shanghai time whatever the server's zone: today,
 * the coming week, the coming two weeks, and the half-year of a centre's next evaluation.
 */
import { shanghaiDay } from './shanghai-time'

const DAY = 24 * 60 * 60 * 1000
const SHANGHAI_OFFSET = 8 * 60 * 60 * 1000 // no daylight saving in China

/** The instant a Shanghai calendar day ("2026-12-02") begins. */
function startOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET)
}

/** From the start of today (Shanghai) to the start of the day `days` later. */
export function daysAhead(now: Date, days: number): { from: string; to: string } {
  const start = startOfShanghaiDay(shanghaiDay(now))
  return { from: start.toISOString(), to: new Date(start.getTime() + days * DAY).toISOString() }
}

export type Period = { year: number; half: '1' | '2' }

/** The half-year `now` falls in. */
export function periodOf(now: Date): Period {
  const [year, month] = shanghaiDay(now).split('-').map(Number) as [number, number]
  return { year, half: month <= 6 ? '1' : '2' }
}

/**
 * The next evaluation a centre should prepare for: this half-year's if it has not been evaluated
 * yet, otherwise the following one (the district evaluates every centre twice a year).
 */
export function nextEvaluation(evaluated: Array<{ year: number; half: string }>, now: Date): Period {
  const current = periodOf(now)
  const done = evaluated.some((e) => e.year === current.year && String(e.half) === current.half)
  if (!done) return current
  return current.half === '1' ? { year: current.year, half: '2' } : { year: current.year + 1, half: '1' }
}

export function periodLabel(period: Period, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `${period.half === '1' ? 'First' : 'Second'} half of ${period.year}`
  return `${period.year}年${period.half === '1' ? '上半年' : '下半年'}`
}

/** The centres, in their order, with no event among `events` (by the events' centre ids). */
export function centresWithoutEvents<T extends { id: number | string }>(
  centres: T[],
  eventCentreIds: Array<number | string>,
): T[] {
  const busy = new Set(eventCentreIds.map(String))
  return centres.filter((centre) => !busy.has(String(centre.id)))
}
