import { describe, expect, it } from 'vitest'

import { CALENDAR_DAYS, CALENDAR_MAX_EVENTS, calendarWindow } from './calendar'
import type { FeedEvent } from './content/feeds'

// 09:00 in Shanghai on the given day of December 2026, `count` times.
const eventsOn = (day: number, count: number): FeedEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    id: day * 1000 + index,
    start: new Date(Date.UTC(2026, 11, day, 1)).toISOString(),
  })) as FeedEvent[]
const now = new Date(Date.UTC(2026, 11, 2, 2))

describe('how much a calendar feed carries', () => {
  it('carries every event of its 60 days when they fit', () => {
    const events = [...eventsOn(2, 30), ...eventsOn(20, 30)]
    expect(calendarWindow(events, now)).toEqual({ events, days: CALENDAR_DAYS })
  })

  it('ends a busy district feed before the day that no longer fits, and says how many days it reaches', () => {
    const perDay = CALENDAR_MAX_EVENTS / 4
    const events = [2, 3, 4, 5, 6].flatMap((day) => eventsOn(day, perDay))
    const { events: carried, days } = calendarWindow([...events, ...eventsOn(7, 1)], now)
    expect(carried).toEqual(events.slice(0, CALENDAR_MAX_EVENTS))
    expect(carried.at(-1)?.start).toBe('2026-12-05T01:00:00.000Z')
    expect(days).toBe(4)
  })
})
