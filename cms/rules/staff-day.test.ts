import { describe, expect, it } from 'vitest'

import { centresWithoutEvents, daysAhead, nextEvaluation, periodLabel, periodOf } from './staff-day'

describe('daysAhead', () => {
  it('starts at midnight in Shanghai, not in UTC', () => {
    // 06:50 on 2 December in Shanghai.
    expect(daysAhead(new Date('2026-12-01T22:50:00Z'), 1)).toEqual({
      from: '2026-12-01T16:00:00.000Z',
      to: '2026-12-02T16:00:00.000Z',
    })
    expect(daysAhead(new Date('2026-12-01T22:50:00Z'), 14).to).toBe('2026-12-15T16:00:00.000Z')
  })
})

describe('nextEvaluation', () => {
  const now = new Date('2026-12-01T22:50:00Z')
  it('is this half-year’s while it has not been done', () => {
    expect(periodOf(now)).toEqual({ year: 2026, half: '2' })
    expect(nextEvaluation([{ year: 2026, half: '1' }], now)).toEqual({ year: 2026, half: '2' })
  })
  it('is the next half-year once this one is evaluated, across the new year', () => {
    expect(nextEvaluation([{ year: 2026, half: '2' }], now)).toEqual({ year: 2027, half: '1' })
    expect(periodLabel({ year: 2027, half: '1' }, 'zh')).toBe('2027年上半年')
  })
})

describe('centresWithoutEvents', () => {
  it('keeps the centres no event names', () => {
    const centres = [{ id: 1 }, { id: 2 }, { id: 3 }]
    expect(centresWithoutEvents(centres, [1, '3', 1])).toEqual([{ id: 2 }])
  })
})
