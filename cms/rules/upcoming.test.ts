import { describe, expect, it } from 'vitest'

import { isUpcoming, sitemapEventsWhere, stillUpcoming, upcomingWhere } from './upcoming'

const now = new Date('2026-12-02T02:00:00Z')

describe('upcoming events', () => {
  it('keeps an event under way and drops one that has ended', () => {
    expect(isUpcoming({ start: '2026-12-02T01:00:00Z', end: '2026-12-02T03:00:00Z' }, now)).toBe(true)
    expect(isUpcoming({ start: '2026-12-02T00:00:00Z', end: '2026-12-02T01:59:00Z' }, now)).toBe(false)
    expect(isUpcoming({ start: '2026-12-03T00:00:00Z', end: null }, now)).toBe(true)
  })

  it('keeps a list whole while none of it has ended, the same list, and drops what has', () => {
    const events = Object.freeze([
      Object.freeze({ start: '2026-12-02T01:00:00Z', end: '2026-12-02T03:00:00Z' }),
      Object.freeze({ start: '2026-12-02T00:30:00Z', end: '2026-12-02T02:30:00Z' }),
      Object.freeze({ start: '2026-12-03T00:00:00Z', end: null }),
    ])
    expect(stillUpcoming(events, now)).toBe(events)
    // Half an hour later the second has ended; an hour later the first too.
    const later = stillUpcoming(events, new Date('2026-12-02T02:45:00Z'))
    expect(later).toEqual([events[0], events[2]])
    // What is left is kept too, the same frozen list, until the next of its events ends.
    expect(Object.isFrozen(later)).toBe(true)
    expect(stillUpcoming(events, new Date('2026-12-02T02:59:59Z'))).toBe(later)
    const latest = stillUpcoming(events, new Date('2026-12-02T03:00:00Z'))
    expect(latest).toEqual([events[2]])
    expect(stillUpcoming(events, new Date('2026-12-02T12:00:00Z'))).toBe(latest)
    // A list that is not frozen may change, so nothing about it is kept.
    const open = [{ start: '2026-12-02T00:00:00Z', end: '2026-12-02T01:00:00Z' }]
    expect(stillUpcoming(open, now)).toEqual([])
    open[0]!.end = '2026-12-02T05:00:00Z'
    expect(stillUpcoming(open, now)).toEqual(open)
  })

  it('asks the database for the same thing, bounded by days when given', () => {
    expect(upcomingWhere(now)).toEqual([{ end: { greater_than: '2026-12-02T02:00:00.000Z' } }])
    expect(upcomingWhere(now, 1)).toEqual([
      { end: { greater_than: '2026-12-02T02:00:00.000Z' } },
      { start: { less_than: '2026-12-03T02:00:00.000Z' } },
    ])
  })
})

describe('events in the sitemap', () => {
  it('are those not over, or over within the last 90 days', () => {
    expect(sitemapEventsWhere(now)).toEqual([{ end: { greater_than: '2026-09-03T02:00:00.000Z' } }])
  })
})
