/** Seed dates are written relative to the day the seed runs, in Shanghai time (UTC+8, no DST). */
const SHANGHAI_OFFSET_HOURS = 8
const DAY = 24 * 60 * 60 * 1000

/** Midnight of today in Shanghai, as year, month and day numbers. */
export function shanghaiToday(now = new Date()): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + SHANGHAI_OFFSET_HOURS * 60 * 60 * 1000)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate() }
}

/** The instant of "HH:MM on the day `offsetDays` from today", Shanghai time. */
export function shanghaiDateTime(offsetDays: number, time: string, now = new Date()): Date {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time)
  if (!match) throw new Error(`time must be HH:MM, got "${time}"`)
  const { year, month, day } = shanghaiToday(now)
  return new Date(
    Date.UTC(year, month, day + offsetDays, Number(match[1]) - SHANGHAI_OFFSET_HOURS, Number(match[2])),
  )
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60 * 1000)
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY)
}
