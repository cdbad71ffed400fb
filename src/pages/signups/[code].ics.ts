import type { APIRoute } from 'astro'

import { signupByCode } from '../../lib/content/signups'
import { calendarHeaders, eventCalendar } from '../../lib/calendar'
import type { FeedEvent } from '../../lib/content/feeds'

/** One sign-up's event for the phone's calendar, with the confirmation code in it. */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await signupByCode(params.code ?? '')
  if (!found) return new Response('Not found', { status: 404 })
  const { signup, event } = found
  const body = eventCalendar({
    name: event.title,
    description: '睦邻中心活动报名',
    origin: url.origin,
    page: `/events/${event.id}`,
    events: [event as unknown as FeedEvent],
    note: `确认码：${signup.code}（${signup.partySize} 人${signup.status === 'waiting' ? '，候补中' : ''}）`,
  })
  return new Response(body, {
    headers: {
      ...calendarHeaders(`signup-${signup.code}.ics`),
      'content-disposition': `attachment; filename="signup-${signup.code}.ics"`,
      'cache-control': 'no-store',
    },
  })
}
