/**
 * Calendar feeds (iCalendar, RFC 5545) of the site's events, for residents who subscribe from a
 * phone's calendar app. ical-generator writes the format (escaping, line folding, CRLF); this file
 * only decides what an entry says.
 *
 * Writing an entry is the costly part of a feed (a 60-day feed is a few hundred entries), and an
 * entry changes only when its event, its seats or its centre do: each entry's text is kept, keyed
 * by those (entryText), and a feed is its header and the kept entries.
 */
import ical, { foldLines, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator'

import { EVENT_CATEGORIES, labelOf } from '@cms/vocabulary'

import { eventSeatsLeft } from './content/events'
import { type FeedEvent } from './content/feeds'

/** How far ahead the calendar feeds look. */
export const CALENDAR_DAYS = 60

/** Stable across feeds and edits, so a calendar app updates an entry instead of duplicating it. */
export function eventUid(id: number | string): string {
  return `event-${id}@mulin`
}

function seatsLine(event: FeedEvent): string {
  if (event.status === 'cancelled') return '本活动已取消。'
  const left = eventSeatsLeft(event)
  if (left > 0) return `剩余名额：${left} 个（共 ${event.capacity} 个）`
  return event.waitingList ? '名额已满，可报名候补。' : '名额已满。'
}

/** The whole feed as text, ready to serve. */
export function eventCalendar({
  name,
  description,
  origin,
  page,
  events,
  note,
}: {
  name: string
  description: string
  origin: string
  /** The site page the calendar stands for, e.g. /events or a centre's page. */
  page: string
  events: FeedEvent[]
  /** A line added to every entry, e.g. a resident's own confirmation code. */
  note?: string
}): string {
  const calendar = ical({
    name,
    description,
    url: `${origin}${page}`,
    prodId: { company: 'Mulin', product: 'Events', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps poll a subscribed feed; once an hour is enough for a programme that changes daily.
    ttl: 60 * 60,
    // Times are written in UTC; this only tells apps which zone the calendar "lives" in.
    x: [{ key: 'X-WR-TIMEZONE', value: 'Asia/Shanghai' }],
  }).toString()
  const end = calendar.lastIndexOf('END:VCALENDAR')
  // A resident's own feed (with its note, their code) is written afresh: nothing personal is kept.
  const entries = events.map((event) =>
    note === undefined ? entryText(event, origin) : writeEntry(entryData(event, origin, note)),
  )
  return calendar.slice(0, end) + entries.join('') + calendar.slice(end)
}

/** What one event's entry says. */
function entryData(event: FeedEvent, origin: string, note: string | undefined): ICalEventData {
  const cancelled = event.status === 'cancelled'
  const url = `${origin}/events/${event.id}`
  const centre = event.centre
  const place = [centre?.name, event.room].filter(Boolean).join(' ')
  return {
    id: eventUid(event.id),
    start: new Date(event.start),
    end: new Date(event.end),
    // When the entry last changed, not when the feed was fetched: so a kept entry stays true.
    stamp: new Date(event.updatedAt),
    // Some apps ignore STATUS in subscribed calendars, so the title says it too.
    summary: cancelled ? `【已取消】${event.title}` : event.title,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    location: place
      ? {
          title: place,
          address: centre?.address ?? undefined,
          geo:
            typeof centre?.latitude === 'number' && typeof centre?.longitude === 'number'
              ? { lat: centre.latitude, lon: centre.longitude }
              : undefined,
        }
      : null,
    description: [
      event.description?.trim(),
      note ?? seatsLine(event),
      `${cancelled ? '详情' : '详情与报名'}：${url}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    url,
    categories: [{ name: labelOf(EVENT_CATEGORIES, event.category, 'zh') }],
    lastModified: new Date(event.updatedAt),
  }
}

/** Entries' texts by what they are written from; more than a few feeds' worth, then the oldest go. */
const keptEntries = new Map<string, string>()
const KEPT_ENTRIES = 5_000
const scratch = ical()

const writeEntry = (data: ICalEventData): string => foldLines(scratch.clear().createEvent(data).toString())

function entryText(event: FeedEvent, origin: string): string {
  // Everything an entry is written from: the event's own fields move its updatedAt (Payload sets it
  // on every save), its seats move only the seats line, and its centre is another document.
  const centre = event.centre
  const key = [
    event.id,
    event.updatedAt,
    seatsLine(event),
    origin,
    centre?.name,
    centre?.address,
    centre?.latitude,
    centre?.longitude,
  ].join('\u0000')
  let text = keptEntries.get(key)
  if (text === undefined) {
    text = writeEntry(entryData(event, origin, undefined))
    if (keptEntries.size >= KEPT_ENTRIES) keptEntries.delete(keptEntries.keys().next().value!)
    keptEntries.set(key, text)
  }
  return text
}

/** The headers every calendar feed is served with. */
export function calendarHeaders(filename: string): HeadersInit {
  return {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    // Short: a cancellation should reach subscribers within minutes.
    'cache-control': 'public, max-age=300, stale-while-revalidate=600',
  }
}
