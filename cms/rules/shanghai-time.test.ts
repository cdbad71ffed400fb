import { describe, expect, it } from 'vitest'

import { sessionTime, shanghaiClock, shanghaiDay } from './shanghai-time'

// What the site printed before, from the time-zone database: the shortcut must agree with it.
const intlDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const intlClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

describe('Shanghai day and clock', () => {
  it('agree with the time-zone database every 37 minutes of two years', () => {
    const from = Date.UTC(2026, 0, 1)
    for (let ms = from; ms < from + 2 * 366 * 86_400_000; ms += 37 * 60_000) {
      const instant = new Date(ms)
      expect(shanghaiDay(instant)).toBe(intlDay.format(instant))
      expect(shanghaiClock(instant)).toBe(intlClock.format(instant))
    }
  })

  it('turn the day at Shanghai midnight, 16:00 UTC', () => {
    expect(shanghaiDay('2026-12-31T15:59:00.000Z')).toBe('2026-12-31')
    expect(shanghaiDay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01')
    expect(shanghaiClock('2026-12-31T16:05:00.000Z')).toBe('00:05')
  })

  it('refuse what is not a date instead of printing "Invalid"', () => {
    expect(() => shanghaiDay('not a date')).toThrow(RangeError)
  })

  it('still say a session as staff say it at the door', () => {
    expect(sessionTime('2026-12-10T01:00:00.000Z', 'zh')).toBe('12月10日 周四 09:00')
    expect(sessionTime('2026-12-10T01:00:00.000Z', 'en')).toBe('Thu 10 Dec 09:00')
  })
})
