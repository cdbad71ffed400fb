import { describe, expect, it } from 'vitest'

import { periodKey, periodLabel, rate, RubricError, starsFor, totalOf } from './rubric'

const scores = (
  facilities: number,
  services: number,
  participation: number,
  governance: number,
  satisfaction: number,
) => ({
  facilities,
  services,
  participation,
  governance,
  satisfaction,
})

describe('the star rubric', () => {
  it('adds the five criteria into a total out of 100', () => {
    expect(totalOf(scores(18, 17, 16, 18, 17))).toBe(86)
    expect(totalOf(scores(20, 20, 20, 20, 20))).toBe(100)
    expect(totalOf(scores(0, 0, 0, 0, 0))).toBe(0)
  })

  it('awards stars at the thresholds, inclusive', () => {
    expect(starsFor(100)).toBe(5)
    expect(starsFor(90)).toBe(5)
    expect(starsFor(89.9)).toBe(4)
    expect(starsFor(80)).toBe(4)
    expect(starsFor(79)).toBe(3)
    expect(starsFor(70)).toBe(3)
    expect(starsFor(69.5)).toBe(2)
    expect(starsFor(60)).toBe(2)
    expect(starsFor(59.9)).toBe(1)
    expect(starsFor(0)).toBe(1)
  })

  it('keeps decimal scores exact', () => {
    expect(rate(scores(18.1, 18.1, 18.1, 17.9, 17.8))).toEqual({ total: 90, stars: 5 })
  })

  it('refuses missing, negative or too-high scores instead of guessing', () => {
    expect(() => totalOf({ facilities: 18, services: 17, participation: 16, governance: 18 })).toThrow(
      RubricError,
    )
    expect(() => totalOf(scores(21, 17, 16, 18, 17))).toThrow(/0 to 20/)
    expect(() => totalOf(scores(-1, 17, 16, 18, 17))).toThrow(RubricError)
    expect(() => totalOf({ ...scores(18, 17, 16, 18, 17), governance: Number.NaN })).toThrow(RubricError)
  })

  it('orders evaluation periods by year, then half', () => {
    const periods = [periodKey(2026, 1), periodKey(2025, 2), periodKey(2025, 1), periodKey(2024, 2)]
    expect([...periods].sort((a, b) => a - b)).toEqual([20242, 20251, 20252, 20261])
    expect(periodLabel(2025, 2)).toBe('2025年下半年')
    expect(periodLabel(2025, 1, 'en')).toBe('First half of 2025')
  })
})
