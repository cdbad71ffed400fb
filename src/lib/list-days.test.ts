import { describe, expect, it } from 'vitest'

import { listPageEnd, listPageStart } from './list-days'

const days = (spec: Record<string, number>) =>
  Object.entries(spec).flatMap(([day, count]) => Array<string>(count).fill(day))

describe('a page of the events list', () => {
  it('reaches the end of the range when everything fits', () => {
    expect(listPageEnd(days({ '2026-12-01': 3, '2026-12-05': 4 }), '2026-12-15', 10)).toBe('2026-12-15')
  })

  it('ends before the day that no longer fits, so that days are never split', () => {
    const found = days({ '2026-12-01': 4, '2026-12-02': 4, '2026-12-03': 4 })
    expect(listPageEnd(found, '2026-12-15', 10)).toBe('2026-12-03')
    expect(listPageEnd(found, '2026-12-15', 8)).toBe('2026-12-03')
    expect(listPageEnd(found, '2026-12-15', 7)).toBe('2026-12-02')
  })

  it('shows the first day whole however busy it is', () => {
    expect(listPageEnd(days({ '2026-12-01': 12, '2026-12-04': 1 }), '2026-12-15', 10)).toBe('2026-12-04')
    expect(listPageEnd(days({ '2026-12-01': 12 }), '2026-12-15', 10)).toBe('2026-12-15')
  })
})

describe('the page before a page of the events list', () => {
  it('goes back the whole range when everything fits', () => {
    expect(listPageStart(days({ '2026-12-03': 3, '2026-12-09': 4 }), '2026-12-01', 10)).toBe('2026-12-01')
  })

  it('starts after the day that no longer fits, so that no day is skipped or split', () => {
    const found = days({ '2026-12-01': 4, '2026-12-02': 4, '2026-12-03': 4 })
    expect(listPageStart(found, '2026-11-30', 8)).toBe('2026-12-02')
    expect(listPageStart(found, '2026-11-30', 7)).toBe('2026-12-03')
    // Going forward from where it starts, the page before reaches the page it came from.
    const start = listPageStart(found, '2026-11-30', 7)
    expect(
      listPageEnd(
        found.filter((day) => day >= start),
        '2026-12-04',
        7,
      ),
    ).toBe('2026-12-04')
  })

  it('shows the last busy day whole however busy it is', () => {
    expect(listPageStart(days({ '2026-12-01': 1, '2026-12-03': 12 }), '2026-11-30', 10)).toBe('2026-12-03')
  })
})
