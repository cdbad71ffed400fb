/**
 * On an evaluation, beside the assessor's 群众满意度 score: what residents themselves said in that
 * half-year (the average of their 1–5 ratings after activities, and how many rated), as evidence.
 */
import type { UIFieldServerProps } from 'payload'

import { periodFeedback } from '../messages/feedback'

export async function EvaluationFeedback({ data, payload, req }: UIFieldServerProps) {
  const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  const evaluation = (data ?? {}) as { centre?: unknown; year?: number; half?: string }
  const centre =
    typeof evaluation.centre === 'object' && evaluation.centre !== null
      ? (evaluation.centre as { id: number }).id
      : (evaluation.centre as number | undefined)
  const half = Number(evaluation.half)
  if (!centre || !evaluation.year || (half !== 1 && half !== 2)) return null
  const summary = await periodFeedback(payload, centre, evaluation.year, half, req)
  return (
    <p className="mulin-evaluation-feedback" role="note">
      <strong>{t('群众满意度 · 居民评价：', 'Satisfaction · residents’ ratings: ')}</strong>
      {summary.count === 0
        ? t('这半年还没有居民评价。', 'No resident ratings in this half-year.')
        : t(
            `这半年 ${summary.count} 人评价，平均 ${summary.average?.toFixed(1)} 分（满分 5）。`,
            `${summary.count} ratings this half-year, average ${summary.average?.toFixed(1)} of 5.`,
          )}
      <style>{`.mulin-evaluation-feedback { margin: 0.5rem 0 1.5rem; padding: 0.75rem 1rem; border-left: 4px solid var(--theme-success-500, #2f7d4a); background: var(--theme-elevation-50); }`}</style>
    </p>
  )
}
