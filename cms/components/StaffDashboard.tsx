/**
 * The top of the dashboard: the staff member's day at a glance (cms/admin/staff-day.ts), with a
 * link to each place they will act on: today's check-in, a full event, claims, visit requests.
 */
import type { PayloadRequest } from 'payload'

import { staffDay, type DayEvent } from '../admin/staff-day'
import { periodLabel } from '../rules/staff-day'
import { sessionTime } from '../rules/shanghai-time'
import { VISIT_STATUSES, labelOf } from '../vocabulary'

type Props = {
  payload: PayloadRequest['payload']
  user: PayloadRequest['user']
  i18n: { language: string }
}

export async function StaffDashboard({ payload, user, i18n }: Props) {
  if (!user || user.collection !== 'users') return null
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh)
  const isDistrict = (user.roles ?? []).includes('district-admin')
  const day = await staffDay(payload, user, isDistrict)
  const eventLine = (event: DayEvent, checkIn: boolean) => (
    <li key={event.id}>
      <a href={`/admin/collections/events/${event.id}`}>{event.title}</a> · {sessionTime(event.start, lang)}
      {isDistrict && event.centreName ? ` · ${event.centreName}` : ''} ·{' '}
      {t(
        `报名 ${event.seatsTaken}/${event.capacity}，候补 ${event.waitingCount}，已签到 ${event.checkedIn}`,
        `${event.seatsTaken}/${event.capacity} signed up, ${event.waitingCount} waiting, ${event.checkedIn} checked in`,
      )}
      {checkIn && (
        <>
          {' · '}
          <a href={`/admin/check-in?event=${event.id}`}>{t('去签到', 'Check in')}</a>
        </>
      )}
    </li>
  )
  return (
    <section className="mulin-day" aria-labelledby="mulin-day-title">
      <h2 id="mulin-day-title">{t('今天的工作', 'Your day')}</h2>
      <div className="mulin-day__grid">
        <div>
          <h3>{t('今天的活动', "Today's events")}</h3>
          {day.today.length ? (
            <ul>{day.today.map((e) => eventLine(e, true))}</ul>
          ) : (
            <p>{t('今天没有活动。', 'No events today.')}</p>
          )}
        </div>
        <div>
          <h3>{t('本周已满员或有候补', 'Full or waiting this week')}</h3>
          {day.fullThisWeek.length ? (
            <ul>{day.fullThisWeek.map((e) => eventLine(e, false))}</ul>
          ) : (
            <p>{t('本周的活动都还有名额。', 'Every event this week has seats left.')}</p>
          )}
        </div>
        <div>
          <h3>{t('等待处理', 'Waiting for you')}</h3>
          <ul>
            <li>
              <a href="/admin/collections/project-claims?where[status][equals]=offered">
                {t(`待审核的认领意向：${day.claimsWaiting}`, `Claim offers to review: ${day.claimsWaiting}`)}
              </a>
            </li>
            <li>
              <a href="/admin/collections/volunteers">
                {t(
                  `近 7 天新报名的志愿者：${day.newVolunteers}`,
                  `New volunteers in 7 days: ${day.newVolunteers}`,
                )}
              </a>
            </li>
          </ul>
        </div>
        <div>
          <h3>
            {isDistrict
              ? t('考察预约', 'Study visits')
              : t('预约参观本中心的考察团', 'Visits naming your centre')}
          </h3>
          {day.visits.length ? (
            <ul>
              {day.visits.map((visit) => (
                <li key={visit.id}>
                  <a href={`/admin/collections/visit-requests/${visit.id}`}>{visit.organisation}</a> ·{' '}
                  {t(`${visit.delegationSize} 人`, `${visit.delegationSize} people`)} ·{' '}
                  {labelOf(VISIT_STATUSES, visit.status, lang)}
                  {visit.preferredDates?.[0]?.date ? ` · ${visit.preferredDates[0].date.slice(0, 10)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('没有待办的考察预约。', 'No open visit requests.')}</p>
          )}
        </div>
        {day.evaluations.length > 0 && (
          <div>
            <h3>{t('下一次星级评估', 'Next evaluation')}</h3>
            <ul>
              {day.evaluations.map(({ centre, next }) => (
                <li key={centre.id}>
                  {centre.name}：{periodLabel(next, lang)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {day.quietCentres && (
          <div>
            <h3>{t('未来两周没有活动的中心', 'Centres with no event in two weeks')}</h3>
            {day.quietCentres.length ? (
              <ul>
                {day.quietCentres.map((centre) => (
                  <li key={centre.id}>
                    <a href={`/admin/collections/centres/${centre.id}`}>{centre.name}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('每个中心都有安排。', 'Every centre has something on.')}</p>
            )}
          </div>
        )}
      </div>
      <style>{`
        .mulin-day { margin-bottom: 2rem; }
        .mulin-day__grid { display: grid; gap: 1rem 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
        .mulin-day h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
        .mulin-day ul { margin: 0; padding-left: 1.1rem; }
        .mulin-day li { margin-bottom: 0.35rem; }
      `}</style>
    </section>
  )
}
