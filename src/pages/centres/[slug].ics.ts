import type { APIRoute } from 'astro'

import { CALENDAR_DAYS, calendarHeaders, calendarWindow, eventCalendar } from '../../lib/calendar'
import { feedCentre, feedEvents } from '../../lib/content/feeds'
import { siteUrl } from '@cms/settings'

/** One centre's coming events, for residents who only follow their own centre. */
export const GET: APIRoute = async ({ params }) => {
  const centre = params.slug ? await feedCentre(params.slug) : null
  if (!centre) {
    return new Response('找不到这个睦邻中心 / No such centre', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60' },
    })
  }
  const { events, days } = calendarWindow(
    await feedEvents({ centreId: centre.id, days: CALENDAR_DAYS, includeCancelled: true }),
  )
  const body = eventCalendar({
    name: centre.name,
    description: `${centre.name}未来 ${days} 天的活动`,
    origin: siteUrl,
    page: `/centres/${centre.slug}`,
    events,
  })
  return new Response(body, { headers: calendarHeaders(`${centre.slug}.ics`) })
}
