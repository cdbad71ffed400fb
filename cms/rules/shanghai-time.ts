/**
 * Dates as staff and residents read them: always Shanghai time (the server may run in UTC), in one
 * 24-hour format, so the admin never shows "5:12 上午" beside "2026-12-03 08:30".
 */
import { instantOf } from './instants'
import { SHANGHAI_OFFSET_MS } from './opening-hours'

const TIME_ZONE = 'Asia/Shanghai'

/** The admin's one date-time pattern (date-fns tokens, as Payload's `dateFormat` takes them). */
export const ADMIN_DATE_FORMAT = 'yyyy-MM-dd HH:mm'

// Made once: making an Intl formatter costs far more than formatting with it.
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
})
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, month: 'short' })

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]))
}

/**
 * Day and clock by arithmetic on UTC shifted by eight hours: Shanghai has kept UTC+8 all year
 * since 1991, and a list of hundreds of events is formatted by these (an Intl formatter's call
 * costs a few µs; these, a division and a look-up).
 */
const DAY_MS = 24 * 60 * 60 * 1000
const CLOCK_TEXTS = Array.from(
  { length: 24 * 60 },
  (_, minute) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
)
/** "2026-12-02" by days since 1970 in Shanghai; a few thousand days at most are ever asked for. */
const DAY_TEXTS = new Map<number, string>()

function shiftedMs(value: Date | string): number {
  const ms = typeof value === 'string' ? instantOf(value) : value.getTime()
  if (Number.isNaN(ms)) throw new RangeError('Invalid date')
  return ms + SHANGHAI_OFFSET_MS
}

/** The calendar day in Shanghai, "2026-12-02". */
export function shanghaiDay(value: Date | string): string {
  const day = Math.floor(shiftedMs(value) / DAY_MS)
  let text = DAY_TEXTS.get(day)
  if (text === undefined) {
    if (DAY_TEXTS.size >= 10_000) DAY_TEXTS.clear()
    text = new Date(day * DAY_MS).toISOString().slice(0, 10)
    DAY_TEXTS.set(day, text)
  }
  return text
}

/** The time of day in Shanghai on a 24-hour clock, "09:30". */
export function shanghaiClock(value: Date | string): string {
  const intoDay = ((shiftedMs(value) % DAY_MS) + DAY_MS) % DAY_MS
  return CLOCK_TEXTS[Math.floor(intoDay / 60_000)]!
}

/** "2026-12-02 09:30" in Shanghai time. */
export function shanghaiDateTime(value: Date | string): string {
  const p = parts(new Date(value))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

const WEEKDAYS_ZH: Record<string, string> = {
  Mon: '周一',
  Tue: '周二',
  Wed: '周三',
  Thu: '周四',
  Fri: '周五',
  Sat: '周六',
  Sun: '周日',
}

/** A session as staff say it at the door: "12月10日 周四 09:00" / "Thu 10 Dec 09:00". */
export function sessionTime(value: Date | string, lang: 'zh' | 'en' = 'zh'): string {
  const date = new Date(value)
  const p = parts(date)
  if (lang === 'en') {
    const month = SHORT_MONTH.format(date)
    return `${p.weekday} ${Number(p.day)} ${month} ${p.hour}:${p.minute}`
  }
  return `${Number(p.month)}月${Number(p.day)}日 ${WEEKDAYS_ZH[p.weekday!] ?? ''} ${p.hour}:${p.minute}`
}
