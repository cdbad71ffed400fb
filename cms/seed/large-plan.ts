/**
 * The large data set's plan, worked out before anything is written (cms/seed/large.ts writes it):
 * a district's two years of events across all its centres, weekly series included, and sign-ups
 * that obey the seat rules as the live system would have left them:
 * - confirmed and attended parties never exceed an event's capacity;
 * - a party waits only for an event still ahead that is full, so no waiting party could fit;
 * - one active sign-up per mobile number and event; party sizes within the event's limit;
 * - past events: most who signed up came (attended, checked in), the rest did not show; sign-ups
 *   of events over for longer than the retention period are already anonymised, as the daily job
 *   would have left them;
 * - a cancelled event holds only cancelled sign-ups.
 * One busy event (a festival for the whole district) has thousands of sign-ups and a long waiting
 * list: the staff's sign-up list and its CSV are measured on it.
 * The plan is reproducible: the same options give the same data set.
 */
import { holding } from '../seats/keys'
import { addDays, addMinutes, shanghaiDateTime } from './dates'

export type LargeOptions = {
  events: number
  signups: number
  /** Months covered, ending `monthsAhead` months after today. */
  months: number
  monthsAhead: number
  now: Date
  /** Days after an event's end when names and phones are wiped (PERSONAL_DATA_RETENTION_DAYS). */
  retentionDays: number
}

export const LARGE_DEFAULTS: Omit<LargeOptions, 'now' | 'retentionDays'> = {
  events: 10_000,
  signups: 100_000,
  months: 24,
  monthsAhead: 6,
}

export type PlannedEvent = {
  key: number
  centre: number
  title: string
  category: string
  start: Date
  end: Date
  capacity: number
  maxPartySize: number
  status: 'scheduled' | 'cancelled'
  /** The key of the first session of its weekly series. */
  seriesOf?: number
  seatsTaken: number
  waitingCount: number
}

export type PlannedSignup = {
  event: number
  name: string
  phone: string
  partySize: number
  status: 'confirmed' | 'attended' | 'waiting' | 'cancelled'
  channel: 'online' | 'staff'
  createdAt: Date
  checkedInAt?: Date
  anonymised: boolean
}

/** A small fast generator with a seed (mulberry32), so that a plan can be made again. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  }
}

const ACTIVITIES: Array<{ category: string; titles: string[] }> = [
  { category: 'elderly-care', titles: ['长者健康讲座', '老年智能手机课', '银发合唱团', '长者午间茶叙'] },
  { category: 'children-family', titles: ['亲子阅读会', '四点半课堂', '亲子手工坊', '周末故事会'] },
  { category: 'culture', titles: ['书法兴趣班', '社区读书会', '沪剧欣赏', '摄影沙龙'] },
  { category: 'sport', titles: ['晨练太极拳', '八段锦练习', '广场舞', '乒乓球友谊赛'] },
  { category: 'health', titles: ['家庭医生义诊', '健康膳食讲座', '血压测量日'] },
  { category: 'education', titles: ['垃圾分类宣讲', '防诈骗讲座', '法律咨询日', '英语角'] },
  { category: 'festival', titles: ['邻里百家宴', '社区跳蚤市场', '睦邻节游园会'] },
]
const TIMES = ['08:30', '09:30', '10:00', '14:00', '15:30', '18:30', '19:00']
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡']
const GIVEN = [
  '秀英',
  '建国',
  '桂兰',
  '志强',
  '玉珍',
  '国华',
  '丽娟',
  '伟',
  '敏',
  '静',
  '磊',
  '婷',
  '红梅',
  '海燕',
]
const DAY_MS = 24 * 3600e3

/** Mobile numbers that no real person holds twice in the set: 139 and a running number. */
const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`

export function planLargeDataSet(
  centres: number[],
  options: LargeOptions,
): { events: PlannedEvent[]; signups: PlannedSignup[]; busyEvent: number } {
  if (centres.length === 0) throw new Error('The large data set needs centres: seed the demo district first.')
  const random = generator(20261202)
  const { now } = options
  const firstDay = -Math.round((options.months - options.monthsAhead) * 30.4)
  const lastDay = Math.round(options.monthsAhead * 30.4)
  const events: PlannedEvent[] = []
  const add = (event: Omit<PlannedEvent, 'key' | 'seatsTaken' | 'waitingCount'>) => {
    events.push({ ...event, key: events.length, seatsTaken: 0, waitingCount: 0 })
    return events.length - 1
  }

  // The busy event: ten days ahead, a festival for the whole district.
  const busyStart = shanghaiDateTime(10, '09:00', now)
  const busyEvent = add({
    centre: centres[0]!,
    title: '区睦邻节开幕式',
    category: 'festival',
    start: busyStart,
    end: addMinutes(busyStart, 180),
    // 2,000 places in the full set; fewer in a smaller one, so that it still fills and queues.
    capacity: Math.min(2_000, Math.max(20, Math.round(options.signups * 0.02))),
    maxPartySize: 3,
    status: 'scheduled',
  })

  let centreTurn = 0
  while (events.length < options.events) {
    const centre = centres[centreTurn++ % centres.length]!
    const activity = random.pick(ACTIVITIES)
    const title = random.pick(activity.titles)
    const time = random.pick(TIMES)
    const duration = random.pick([60, 90, 90, 120])
    const capacity = random.pick([12, 15, 20, 20, 25, 30, 40, 60])
    const maxPartySize = activity.category === 'children-family' || activity.category === 'festival' ? 3 : 1
    // Four in ten are weekly classes of up to twelve sessions.
    const sessions = random.next() < 0.4 ? random.int(4, 12) : 1
    const day = random.int(firstDay, lastDay - (sessions - 1) * 7)
    let first: number | undefined
    for (let week = 0; week < sessions && events.length < options.events; week += 1) {
      const start = shanghaiDateTime(day + week * 7, time, now)
      const key = add({
        centre,
        title,
        category: activity.category,
        start,
        end: addMinutes(start, duration),
        capacity,
        maxPartySize,
        status: random.next() < 0.03 ? 'cancelled' : 'scheduled',
        ...(first === undefined ? {} : { seriesOf: first }),
      })
      first ??= key
    }
  }

  const signups: PlannedSignup[] = []
  let people = 0
  const retentionCutoff = now.getTime() - options.retentionDays * DAY_MS
  const signUp = (event: PlannedEvent, partySize: number) => {
    const opens = addDays(event.start, -14).getTime()
    const closes = Math.min(event.start.getTime() - 2 * 3600e3, now.getTime())
    const past = event.end.getTime() < now.getTime()
    const free = event.capacity - event.seatsTaken
    let status: PlannedSignup['status']
    if (event.status === 'cancelled') status = 'cancelled'
    else if (free > 0) {
      partySize = Math.min(partySize, free)
      status = past ? (random.next() < 0.82 ? 'attended' : 'confirmed') : 'confirmed'
    } else if (!past) status = 'waiting'
    else return false // a past event that was full: nobody more signed up
    if (status !== 'cancelled' && random.next() < 0.04) status = 'cancelled' // changed their mind
    const createdAt = new Date(opens + random.next() * Math.max(0, closes - opens))
    const held = holding(status, partySize)
    event.seatsTaken += held.seats
    event.waitingCount += held.waiting
    people += 1
    signups.push({
      event: event.key,
      name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      phone: phoneOf(people),
      partySize,
      status,
      channel: random.next() < 0.8 ? 'online' : 'staff',
      createdAt,
      ...(status === 'attended' ? { checkedInAt: event.start } : {}),
      anonymised: event.end.getTime() < retentionCutoff,
    })
    return true
  }

  // The busy event fills up and gathers a long queue.
  const busy = events[busyEvent]!
  const busyShare = Math.min(Math.round(options.signups * 0.035), options.signups)
  for (let i = 0; i < busyShare; i += 1) signUp(busy, random.int(1, busy.maxPartySize))

  // The rest spread over the other events, more to popular ones: rounds over all events, each
  // taking one more party with a chance that makes some events full and others half empty.
  const appetite = events.map((event) => (event.key === busyEvent ? 0 : 0.3 + random.next() * 0.9))
  while (signups.length < options.signups) {
    let added = 0
    for (const event of events) {
      if (signups.length >= options.signups) break
      const wanted = appetite[event.key]! * event.capacity
      if (event.seatsTaken + event.waitingCount >= wanted || random.next() < 0.15) continue
      const size = event.maxPartySize > 1 && random.next() < 0.3 ? random.int(2, event.maxPartySize) : 1
      if (signUp(event, size)) added += 1
    }
    // Every event has what it wanted: the remaining sign-ups go where seats are left.
    if (added === 0)
      for (const [i, value] of appetite.entries()) if (i !== busyEvent) appetite[i] = value + 0.5
  }
  return { events, signups, busyEvent }
}
