/**
 * The messages of one event, on the event's page in the admin: what was sent to whom (by sign-up
 * code, never a number), when, and what failed or waits; and a short notice to everyone signed
 * up. Read with the staff member's own access.
 */
import type { UIFieldServerProps } from 'payload'

import { MESSAGE_KIND_LABELS, type MessageKind } from '../rules/messages'
import { labelOf, MESSAGE_STATUSES } from '../vocabulary'
import { NoticeForm } from './NoticeForm'

export async function EventMessages({ id, payload, req }: UIFieldServerProps) {
  const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  if (!id) return null
  const { docs } = await payload.find({
    collection: 'messages',
    where: { event: { equals: id } },
    sort: '-createdAt',
    limit: 500,
    depth: 0,
    req,
    overrideAccess: false,
  })
  const registrationIds = [...new Set(docs.map((m) => m.registration).filter((r) => r != null))]
  const { docs: signups } = registrationIds.length
    ? await payload.find({
        collection: 'registrations',
        where: { id: { in: registrationIds } },
        limit: 0,
        pagination: false,
        depth: 0,
        select: { code: true },
        req,
        overrideAccess: false,
      })
    : { docs: [] }
  const codeOf = new Map(signups.map((s) => [s.id, s.code]))
  const count = (status: string) => docs.filter((m) => m.status === status).length
  const time = (iso?: string | null) =>
    iso
      ? new Intl.DateTimeFormat('zh-CN', {
          timeZone: 'Asia/Shanghai',
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hour12: false,
        }).format(new Date(iso))
      : '—'
  return (
    <section className="mulin-messages" aria-labelledby="mulin-messages-title">
      <h3 id="mulin-messages-title">{t('短信通知', 'Messages to residents')}</h3>
      <dl className="mulin-messages__counts">
        {(['sent', 'pending', 'failed', 'skipped'] as const).map((status) => (
          <div key={status}>
            <dt>{labelOf(MESSAGE_STATUSES, status, lang)}</dt>
            <dd>{count(status) + (status === 'pending' ? count('sending') : 0)}</dd>
          </div>
        ))}
      </dl>
      <NoticeForm eventId={String(id)} lang={lang} />
      {docs.length === 0 ? (
        <p>{t('还没有发给居民的短信。', 'No messages yet.')}</p>
      ) : (
        <div className="mulin-messages__table">
          <table>
            <thead>
              <tr>
                <th>{t('类型', 'Kind')}</th>
                <th>{t('确认码', 'Code')}</th>
                <th>{t('状态', 'Status')}</th>
                <th>{t('发送时间', 'Sent')}</th>
                <th>{t('最早发送', 'Not before')}</th>
                <th>{t('说明', 'Note')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((m) => (
                <tr key={m.id} className={`mulin-messages__${m.status}`}>
                  <td>{MESSAGE_KIND_LABELS[m.kind as MessageKind]?.[lang] ?? m.kind}</td>
                  <td>{codeOf.get(m.registration as number) ?? '—'}</td>
                  <td>{labelOf(MESSAGE_STATUSES, m.status, lang)}</td>
                  <td>{time(m.sentAt)}</td>
                  <td>{time(m.sendAfter)}</td>
                  <td>{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <style>{`
        .mulin-messages { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--theme-elevation-150); border-radius: 6px; }
        .mulin-messages__counts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0 0 1rem; }
        .mulin-messages__counts dt { font-size: 0.85rem; color: var(--theme-elevation-600); }
        .mulin-messages__counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
        .mulin-messages__table { overflow-x: auto; }
        .mulin-messages table { width: 100%; border-collapse: collapse; }
        .mulin-messages th, .mulin-messages td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--theme-elevation-100); }
        .mulin-messages__failed td { color: var(--theme-error-600, #b00020); font-weight: 600; }
      `}</style>
    </section>
  )
}
