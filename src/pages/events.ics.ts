import type { APIRoute } from 'astro'

import { CALENDAR_DAYS, calendarHeaders, calendarWindow, eventCalendar } from '../lib/calendar'
import { feedEvents } from '../lib/content/feeds'
import { siteUrl } from '@cms/settings'

/** Every centre's coming events, as a calendar residents can subscribe to. */
export const GET: APIRoute = async () => {
  const { events, days } = calendarWindow(await feedEvents({ days: CALENDAR_DAYS, includeCancelled: true }))
  const body = eventCalendar({
    name: '睦邻活动',
    description: `各睦邻中心未来 ${days} 天的活动`,
    origin: siteUrl,
    page: '/events',
    events,
  })
  return new Response(body, { headers: calendarHeaders('mulin-events.ics') })
}
