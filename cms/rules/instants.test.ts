import { describe, expect, it } from 'vitest'

import { instantOf } from './instants'

describe('instantOf', () => {
  it('reads a date-time string as Date.parse does, asked once and again', () => {
    for (const text of ['2026-12-03T01:30:00.000Z', '2026-12-03T09:30:00+08:00', '2026-12-03']) {
      expect(instantOf(text)).toBe(Date.parse(text))
      expect(instantOf(text)).toBe(Date.parse(text))
    }
  })

  it('gives NaN for what is not a date, as Date.parse does', () => {
    expect(instantOf('not a date')).toBeNaN()
  })

  it('stays right past the size of its table', () => {
    const base = Date.UTC(2020, 0, 1)
    for (let i = 0; i < 60_000; i++) {
      const text = new Date(base + i * 60_000).toISOString()
      expect(instantOf(text)).toBe(base + i * 60_000)
    }
  })
})
