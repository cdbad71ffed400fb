import { describe, expect, it } from 'vitest'

import { isUpcoming, sitemapEventsWhere, upcomingWhere } from './upcoming'

const now = new Date('2026-12-02T02:00:00Z')

describe('upcoming events', () => {
  it('keeps an event under way and drops one that has ended', () => {
    expect(isUpcoming({ start: '2026-12-02T01:00:00Z', end: '2026-12-02T03:00:00Z' }, now)).toBe(true)
    expect(isUpcoming({ start: '2026-12-02T00:00:00Z', end: '2026-12-02T01:59:00Z' }, now)).toBe(false)
    expect(isUpcoming({ start: '2026-12-03T00:00:00Z', end: null }, now)).toBe(true)
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
