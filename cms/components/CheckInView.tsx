/**
 * /admin/check-in: the page a volunteer opens on a phone at the door. Type a resident's
 * confirmation code and tap 签到, or open the camera and hold up the QR code of their sign-up
 * page; see at once whether they are in.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { CheckInForm } from './CheckInForm'

export async function CheckInView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Fcheck-in')
  const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
  const eventId = typeof searchParams?.event === 'string' ? searchParams.event : undefined
  const event = eventId
    ? await req.payload
        .findByID({ collection: 'events', id: eventId, depth: 0, req, overrideAccess: false, locale: lang })
        .catch(() => undefined)
    : undefined
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>{lang === 'en' ? 'Check-in at the door' : '现场签到'}</h1>
        {event && (
          <p>
            {lang === 'en' ? 'Event: ' : '活动：'}
            <a href={`/admin/collections/events/${event.id}`}>{event.title}</a>
          </p>
        )}
        <CheckInForm lang={lang} />
      </Gutter>
    </DefaultTemplate>
  )
}
