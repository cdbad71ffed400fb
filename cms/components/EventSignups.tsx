/**
 * The sign-ups of one event, on the event's page in the admin: counts, the list, CSV export, the
 * door check-in page and a form to sign a resident up on their behalf. Read with the staff
 * member's own access, so a centre sees only its own events' lists.
 */
import type { UIFieldServerProps } from 'payload'

import { labelOf, REGISTRATION_CHANNELS, REGISTRATION_STATUSES } from '../vocabulary'
import { OnBehalfForm } from './OnBehalfForm'

export async function EventSignups({ id, payload, req, data }: UIFieldServerProps) {
  const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  if (!id)
    return (
      <p>{t('保存活动后，这里会显示报名名单。', 'The sign-up list appears here once the event is saved.')}</p>
    )
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { event: { equals: id } },
    sort: 'createdAt',
    limit: 0,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: false,
  })
  const people = (status: string) =>
    docs.filter((r) => r.status === status).reduce((sum, r) => sum + (r.partySize ?? 1), 0)
  const confirmed = people('confirmed') + people('attended')
  const capacity = Number((data as { capacity?: number })?.capacity ?? 0)
  const time = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(iso))

  return (
    <section className="mulin-signups" aria-labelledby="mulin-signups-title">
      <h3 id="mulin-signups-title">{t('报名情况', 'Sign-ups')}</h3>
      <dl className="mulin-signups__counts">
        <div>
          <dt>{t('已确认', 'Confirmed')}</dt>
          <dd>
            {confirmed} / {capacity}
          </dd>
        </div>
        <div>
          <dt>{t('候补', 'Waiting')}</dt>
          <dd>{people('waiting')}</dd>
        </div>
        <div>
          <dt>{t('已签到', 'Attended')}</dt>
          <dd>{people('attended')}</dd>
        </div>
        <div>
          <dt>{t('已取消', 'Cancelled')}</dt>
          <dd>{people('cancelled')}</dd>
        </div>
      </dl>
      <p className="mulin-signups__links">
        <a
          className="btn btn--style-secondary btn--size-small"
          href={`/api/events/${id}/registrations.csv`}
          download
        >
          {t('导出名单（CSV）', 'Export list (CSV)')}
        </a>{' '}
        <a className="btn btn--style-secondary btn--size-small" href={`/admin/check-in?event=${id}`}>
          {t('打开签到页面', 'Open the check-in page')}
        </a>{' '}
        <a
          className="btn btn--style-secondary btn--size-small"
          href={`/admin/collections/registrations?where[event][equals]=${id}`}
        >
          {t('在报名记录中管理', 'Manage in sign-ups')}
        </a>
      </p>
      <OnBehalfForm
        eventId={String(id)}
        maxPartySize={Number((data as { maxPartySize?: number })?.maxPartySize ?? 1)}
        lang={lang}
      />
      {docs.length === 0 ? (
        <p>{t('还没有人报名。', 'No sign-ups yet.')}</p>
      ) : (
        <div className="mulin-signups__table">
          <table>
            <thead>
              <tr>
                <th>{t('确认码', 'Code')}</th>
                <th>{t('姓名', 'Name')}</th>
                <th>{t('手机', 'Mobile')}</th>
                <th>{t('人数', 'Party')}</th>
                <th>{t('状态', 'Status')}</th>
                <th>{t('方式', 'Channel')}</th>
                <th>{t('报名时间', 'Signed up')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/admin/collections/registrations/${r.id}`}>{r.code}</a>
                  </td>
                  <td>{r.name}</td>
                  <td>{r.phone}</td>
                  <td>{r.partySize}</td>
                  <td>{labelOf(REGISTRATION_STATUSES, r.status, lang)}</td>
                  <td>{labelOf(REGISTRATION_CHANNELS, r.channel, lang)}</td>
                  <td>{time(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <style>{`
        .mulin-signups { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--theme-elevation-150); border-radius: 6px; }
        .mulin-signups__counts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0 0 1rem; }
        .mulin-signups__counts dt { font-size: 0.85rem; color: var(--theme-elevation-600); }
        .mulin-signups__counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
        .mulin-signups__table { overflow-x: auto; }
        .mulin-signups table { width: 100%; border-collapse: collapse; }
        .mulin-signups th, .mulin-signups td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--theme-elevation-100); }
      `}</style>
    </section>
  )
}
