/**
 * The district's star-rating rubric (星级评估): five criteria scored 0–20 each, a total of 0–100,
 * and stars by threshold. The only place stars are computed; the CMS stores what this returns.
 */
export const CRITERIA = [
  { key: 'facilities', label: { zh: '设施环境', en: 'Facilities' } },
  { key: 'services', label: { zh: '服务项目', en: 'Services' } },
  { key: 'participation', label: { zh: '居民参与', en: 'Resident participation' } },
  { key: 'governance', label: { zh: '管理运行', en: 'Governance' } },
  { key: 'satisfaction', label: { zh: '群众满意度', en: 'Satisfaction' } },
] as const

export type CriterionKey = (typeof CRITERIA)[number]['key']
export type Scores = Record<CriterionKey, number>

export const MAX_PER_CRITERION = 20

/** Lowest total for each star level, highest first. Below the last threshold: one star. */
export const STAR_THRESHOLDS = [
  { stars: 5, minimum: 90 },
  { stars: 4, minimum: 80 },
  { stars: 3, minimum: 70 },
  { stars: 2, minimum: 60 },
] as const

export class RubricError extends Error {
  override name = 'RubricError'
}

export function validateScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PER_CRITERION
}

export function totalOf(scores: Partial<Record<CriterionKey, unknown>>): number {
  let total = 0
  for (const { key } of CRITERIA) {
    const value = scores[key]
    if (!validateScore(value)) {
      throw new RubricError(
        `score for ${key} must be a number from 0 to ${MAX_PER_CRITERION}, got ${String(value)}`,
      )
    }
    total += value
  }
  // Scores may carry one decimal; keep the total free of floating-point noise.
  return Math.round(total * 10) / 10
}

export function starsFor(total: number): 1 | 2 | 3 | 4 | 5 {
  for (const { stars, minimum } of STAR_THRESHOLDS) if (total >= minimum) return stars
  return 1
}

export function rate(scores: Partial<Record<CriterionKey, unknown>>): {
  total: number
  stars: 1 | 2 | 3 | 4 | 5
} {
  const total = totalOf(scores)
  return { total, stars: starsFor(total) }
}

/** Periods sort as year then half: 2025-2 comes after 2025-1 and before 2026-1. */
export function periodKey(year: number, half: 1 | 2 | '1' | '2'): number {
  return year * 10 + Number(half)
}

export function periodLabel(year: number, half: 1 | 2 | '1' | '2', locale: 'zh' | 'en' = 'zh'): string {
  return locale === 'zh'
    ? `${year}年${Number(half) === 1 ? '上' : '下'}半年`
    : `${Number(half) === 1 ? 'First' : 'Second'} half of ${year}`
}
