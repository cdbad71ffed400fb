/**
 * Residents' ratings of one event, on the event's page in the admin beside its sign-ups: the
 * average, how many rated, and the comments (no names). Read with the staff member's own access.
 */
import type { UIFieldServerProps } from 'payload'

import { eventFeedback } from '../messages/feedback'

export async function EventFeedback({ id, req }: UIFieldServerProps) {
  const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  if (!id) return null
  const feedback = await eventFeedback(req, id)
  const date = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).format(
      new Date(iso),
    )
  return (
    <section className="mulin-feedback" aria-labelledby="mulin-feedback-title">
      <h3 id="mulin-feedback-title">{t('居民评价', 'Residents’ feedback')}</h3>
      {feedback.count === 0 ? (
        <p>
          {t(
            '还没有居民评价。活动结束后，参加的居民会收到评价链接。',
            'No ratings yet. After the activity, residents who took part get a link to rate it.',
          )}
        </p>
      ) : (
        <>
          <dl className="mulin-feedback__counts">
            <div>
              <dt>{t('平均分（满分 5）', 'Average (of 5)')}</dt>
              <dd>{feedback.average?.toFixed(1)}</dd>
            </div>
            <div>
              <dt>{t('评价人数', 'Ratings')}</dt>
              <dd>{feedback.count}</dd>
            </div>
          </dl>
          {feedback.comments.length > 0 && (
            <ul className="mulin-feedback__comments">
              {feedback.comments.map((c, i) => (
                <li key={i}>
                  <span aria-label={t(`${c.rating} 分`, `${c.rating} of 5`)}>{'★'.repeat(c.rating)}</span>{' '}
                  {c.comment} <small>{date(c.at)}</small>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <style>{`
        .mulin-feedback { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--theme-elevation-150); border-radius: 6px; }
        .mulin-feedback__counts { display: flex; gap: 1.5rem; margin: 0 0 1rem; }
        .mulin-feedback__counts dt { font-size: 0.85rem; color: var(--theme-elevation-600); }
        .mulin-feedback__counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
        .mulin-feedback__comments { padding-left: 1.2rem; }
        .mulin-feedback__comments li { margin: 0.4rem 0; }
      `}</style>
    </section>
  )
}
