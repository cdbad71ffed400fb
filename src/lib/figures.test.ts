import { describe, expect, it } from 'vitest'

import { countEach, monthLabel, monthWindow, shanghaiMonth } from './figures'

describe('district figures counting', () => {
  it('puts an instant in its Shanghai month, not its UTC one', () => {
    // 16:30 UTC on 31 May is 00:30 on 1 June in Shanghai.
    expect(shanghaiMonth('2025-05-31T16:30:00.000Z')).toBe('2025-06')
    expect(shanghaiMonth('2025-05-31T15:59:00.000Z')).toBe('2025-05')
    expect(shanghaiMonth('2025-12-31T16:00:00.000Z')).toBe('2026-01')
  })

  it('shows every month from the first that has something to the current one, quiet months as zero', () => {
    const now = new Date('2025-06-10T04:00:00.000Z')
    expect(monthWindow(['2025-03', '2025-05', '2025-05'], now)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ])
    expect(monthWindow(['2025-06'], now)).toEqual(['2025-06'])
    expect(monthWindow([], now)).toEqual([])
  })

  it('ends with the current month: months still to come have nothing that happened', () => {
    const now = new Date('2025-06-10T04:00:00.000Z')
    expect(monthWindow(['2025-05', '2025-08'], now)).toEqual(['2025-05', '2025-06'])
    expect(monthWindow(['2025-07', '2026-01'], now)).toEqual([])
    // The current month in Shanghai: 16:30 UTC on 30 June is already July there.
    expect(monthWindow(['2025-06'], new Date('2025-06-30T16:30:00.000Z'))).toEqual(['2025-06', '2025-07'])
  })

  it('looks back at most a year', () => {
    const now = new Date('2025-06-10T04:00:00.000Z')
    expect(monthWindow(['2023-01', '2024-07', '2025-04'], now)).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ])
    expect(monthWindow(['2023-01'], now)).toEqual([])
  })

  it('names months in both languages', () => {
    expect(monthLabel('2025-06', 'zh')).toBe('2025年6月')
    expect(monthLabel('2025-06', 'en')).toBe('Jun 2025')
  })

  it('counts an item once under each key it has, in the order of the keys, ignoring unknown keys', () => {
    const conventions = [{ topics: ['dogs', 'noise'] }, { topics: ['noise', 'noise'] }, { topics: ['other'] }]
    expect(countEach(conventions, ['noise', 'dogs', 'parking'], (c) => c.topics)).toEqual([2, 1, 0])
    expect(countEach([{ s: 5 }, { s: 5 }, { s: 3 }], [5, 4, 3], (e) => e.s)).toEqual([2, 0, 1])
  })
})
