/**
 * Calendar feeds (iCalendar, RFC 5545) of the site's events, for residents who subscribe from a
 * phone's calendar app. ical-generator writes the format (escaping, line folding, CRLF); this file
 * only decides what an entry says.
 *
 * Writing an entry is the costly part of a feed (a 60-day feed is a few hundred entries), and an
 * entry changes only when its event, its seats or its centre do: each entry's bytes are kept, keyed
 * by those (entryBytes), and a feed is its header and the kept entries.
 */
import ical, { foldLines, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator'

import { shanghaiDay } from '@cms/rules/shanghai-time'
import { EVENT_CATEGORIES, labelOf } from '@cms/vocabulary'

import { joined } from './bytes'
import { eventSeatsLeft } from './content/events'
import { type FeedEvent } from './content/feeds'
import { listPageEnd, startDays } from './list-days'

/** How far ahead the calendar feeds look. */
export const CALENDAR_DAYS = 60
/**
 * The most events one feed carries, in whole days from today, as the events list pages them. A
 * district years into its use has a thousand events in 60 days: a feed of that size is more than a
 * phone's calendar app should fetch every hour, and too many for anyone to read; a centre's own
 * feed stays well under it.
 */
export const CALENDAR_MAX_EVENTS = 300
const DAY_MS = 24 * 60 * 60 * 1000
const NO_END = '9999-12-31'

/**
 * The events a feed carries (soonest first, as given) and how many days ahead they reach:
 * CALENDAR_DAYS, or fewer when the cap ends the feed early, which its description then says.
 */
export function calendarWindow(
  events: readonly FeedEvent[],
  now = new Date(),
): { events: readonly FeedEvent[]; days: number } {
  const dayOfEach = startDays(events)
  const end = listPageEnd(dayOfEach, NO_END, CALENDAR_MAX_EVENTS)
  if (end === NO_END) return { events, days: CALENDAR_DAYS }
  return {
    events: events.filter((_, index) => dayOfEach[index]! < end),
    days: Math.round((Date.parse(end) - Date.parse(shanghaiDay(now))) / DAY_MS),
  }
}

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

/** The whole feed, as the UTF-8 bytes it is served as. */
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
  events: readonly FeedEvent[]
  /** A line added to every entry, e.g. a resident's own confirmation code. */
  note?: string
}): Uint8Array<ArrayBuffer> {
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
    note === undefined ? entryBytes(event, origin) : Buffer.from(writeEntry(entryData(event, origin, note))),
  )
  return joined([Buffer.from(calendar.slice(0, end)), ...entries, Buffer.from(calendar.slice(end))])
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

/** Entries' bytes by what they are written from; more than a few feeds' worth, then the oldest go. */
const keptEntries = new Map<string, Buffer>()
const KEPT_ENTRIES = 5_000
/**
 * The same, by the event itself when it is a kept (frozen, so unchanging) document: a feed of
 * hundreds of unchanged events then costs a look-up each, not a key written out each.
 */
const keptByEvent = new WeakMap<object, { origin: string; bytes: Buffer }>()
const scratch = ical()

const writeEntry = (data: ICalEventData): string => foldLines(scratch.clear().createEvent(data).toString())

function entryBytes(event: FeedEvent, origin: string): Buffer {
  const frozen = Object.isFrozen(event)
  const known = frozen ? keptByEvent.get(event) : undefined
  if (known?.origin === origin) return known.bytes
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
  let bytes = keptEntries.get(key)
  if (bytes === undefined) {
    bytes = Buffer.from(writeEntry(entryData(event, origin, undefined)))
    if (keptEntries.size >= KEPT_ENTRIES) keptEntries.delete(keptEntries.keys().next().value!)
    keptEntries.set(key, bytes)
  }
  if (frozen) keptByEvent.set(event, { origin, bytes })
  return bytes
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
