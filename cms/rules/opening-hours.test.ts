import { describe, expect, it } from 'vitest'

import {
  describeStatus,
  isOpenAt,
  openingStatus,
  shanghaiParts,
  weeklySchedule,
  type Closure,
  type OpeningRow,
  type Weekday,
} from './opening-hours'

// Instants are built from UTC so the host's timezone cannot leak into the expectations.
const shanghai = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second))

const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const hours = (days: Weekday[], opens: string, closes: string): OpeningRow[] =>
  days.map((day) => ({ day, opens, closes }))

const everyDay = hours(ALL_DAYS, '08:30', '20:30')
const lunchBreak = [...hours(ALL_DAYS, '08:30', '12:30'), ...hours(ALL_DAYS, '14:00', '20:00')]
const weekdaysOnly = hours(WORKDAYS, '09:00', '17:00')
const mondayMornings = hours(['mon'], '09:00', '11:00')

// As Payload stores a day picked in Shanghai: local midnight, i.e. the previous day in UTC.
const newYear: Closure[] = [{ date: '2026-12-31T16:00:00.000Z', note: '元旦' }]
const springFestival: Closure[] = [
  { date: '2027-02-05T16:00:00.000Z', note: '春节' },
  { date: '2027-02-06T16:00:00.000Z', note: '春节' },
  { date: '2027-02-07T16:00:00.000Z', note: '春节' },
]

describe('Shanghai calendar', () => {
  it('reads date, weekday and minutes in Shanghai, not UTC', () => {
    expect(shanghaiParts(new Date(Date.UTC(2026, 11, 31, 16, 30)))).toEqual({
      date: '2027-01-01',
      weekday: 'fri',
      minutes: 30,
    })
  })

  it('turns the day at Shanghai midnight, whatever the server timezone', () => {
    expect(shanghaiParts(new Date(Date.UTC(2027, 0, 3, 15, 59)))).toEqual({
      date: '2027-01-03',
      weekday: 'sun',
      minutes: 23 * 60 + 59,
    })
    expect(shanghaiParts(new Date(Date.UTC(2027, 0, 3, 16, 0)))).toEqual({
      date: '2027-01-04',
      weekday: 'mon',
      minutes: 0,
    })
  })
})

describe('open or closed', () => {
  it('is open in the middle of a period, with its closing time', () => {
    expect(openingStatus(everyDay, [], shanghai(2027, 1, 5, 15))).toEqual({ open: true, closesAt: '20:30' })
  })

  it('is closed at exactly the closing minute', () => {
    expect(isOpenAt(everyDay, [], shanghai(2027, 1, 5, 20, 29, 59))).toBe(true)
    expect(openingStatus(everyDay, [], shanghai(2027, 1, 5, 20, 30))).toEqual({
      open: false,
      opensNext: { weekday: 'wed', date: '2027-01-06', time: '08:30' },
    })
  })

  it('is open at exactly the opening minute', () => {
    expect(openingStatus(everyDay, [], shanghai(2027, 1, 5, 8, 29))).toEqual({
      open: false,
      opensNext: { weekday: 'tue', date: '2027-01-05', time: '08:30' },
    })
    expect(isOpenAt(everyDay, [], shanghai(2027, 1, 5, 8, 30))).toBe(true)
  })

  it('is closed over the lunch break and reopens the same afternoon', () => {
    expect(openingStatus(lunchBreak, [], shanghai(2027, 1, 5, 12, 29))).toEqual({
      open: true,
      closesAt: '12:30',
    })
    expect(openingStatus(lunchBreak, [], shanghai(2027, 1, 5, 13))).toEqual({
      open: false,
      opensNext: { weekday: 'tue', date: '2027-01-05', time: '14:00' },
    })
    expect(openingStatus(lunchBreak, [], shanghai(2027, 1, 5, 14))).toEqual({ open: true, closesAt: '20:00' })
  })

  it('is closed all day on a day that is not listed', () => {
    expect(isOpenAt(weekdaysOnly, [], shanghai(2027, 1, 9, 10))).toBe(false)
    expect(openingStatus(weekdaysOnly, [], shanghai(2027, 1, 9, 10)).opensNext).toEqual({
      weekday: 'mon',
      date: '2027-01-11',
      time: '09:00',
    })
  })

  it('rolls the next opening over to next week', () => {
    expect(openingStatus(mondayMornings, [], shanghai(2027, 1, 4, 11)).opensNext).toEqual({
      weekday: 'mon',
      date: '2027-01-11',
      time: '09:00',
    })
  })

  it('is closed on a closure date read in Shanghai time, though it is still 31 December in UTC', () => {
    const justAfterMidnight = shanghai(2027, 1, 1, 0, 30)
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-12-31')
    expect(openingStatus(everyDay, newYear, justAfterMidnight)).toEqual({
      open: false,
      closedToday: { note: '元旦' },
      opensNext: { weekday: 'sat', date: '2027-01-02', time: '08:30' },
    })
    expect(isOpenAt(everyDay, newYear, shanghai(2027, 1, 1, 10))).toBe(false)
    // The closure does not spill back onto New Year's Eve.
    expect(isOpenAt(everyDay, newYear, shanghai(2026, 12, 31, 20))).toBe(true)
  })

  it.each(['2027-01-01', '2027-01-01T04:00:00.000Z', '2026-12-31T16:00:00.000Z'])(
    'reads the closure stored as %s as 1 January',
    (date) => {
      expect(openingStatus(everyDay, [{ date }], shanghai(2027, 1, 1, 10)).closedToday).toEqual({})
      expect(isOpenAt(everyDay, [{ date }], shanghai(2027, 1, 2, 10))).toBe(true)
    },
  )

  it('skips consecutive closure days to the first day back', () => {
    expect(openingStatus(everyDay, springFestival, shanghai(2027, 2, 5, 21))).toEqual({
      open: false,
      opensNext: { weekday: 'tue', date: '2027-02-09', time: '08:30' },
    })
    expect(openingStatus(everyDay, springFestival, shanghai(2027, 2, 7, 10))).toEqual({
      open: false,
      closedToday: { note: '春节' },
      opensNext: { weekday: 'tue', date: '2027-02-09', time: '08:30' },
    })
  })

  it('never promises an opening for a centre without hours', () => {
    expect(openingStatus([], [], shanghai(2027, 1, 5, 10))).toEqual({ open: false })
    expect(openingStatus(null, undefined, shanghai(2027, 1, 5, 10))).toEqual({ open: false })
  })
})

describe('the weekly timetable', () => {
  it('lists all seven days from Monday, periods in order, unreadable rows left out', () => {
    const rows: OpeningRow[] = [
      { day: 'wed', opens: '14:00', closes: '20:00' },
      { day: 'wed', opens: '08:30', closes: '12:30' },
      { day: 'mon', opens: '09:00', closes: '17:00' },
      { day: 'tue', opens: '18:00', closes: '09:00' },
      { day: 'thu', opens: '08:00', closes: '24:00' },
      { day: 'fri', opens: '8:30', closes: '17:00' },
    ]
    expect(weeklySchedule(rows)).toEqual([
      { day: 'mon', periods: [{ opens: '09:00', closes: '17:00' }] },
      { day: 'tue', periods: [] },
      {
        day: 'wed',
        periods: [
          { opens: '08:30', closes: '12:30' },
          { opens: '14:00', closes: '20:00' },
        ],
      },
      { day: 'thu', periods: [] },
      { day: 'fri', periods: [] },
      { day: 'sat', periods: [] },
      { day: 'sun', periods: [] },
    ])
  })

  it('runs overlapping or back-to-back periods together, so the closing time is the real one', () => {
    const rows: OpeningRow[] = [
      { day: 'mon', opens: '08:30', closes: '12:30' },
      { day: 'mon', opens: '12:30', closes: '17:00' },
      { day: 'mon', opens: '16:00', closes: '18:00' },
    ]
    expect(weeklySchedule(rows)[0]).toEqual({ day: 'mon', periods: [{ opens: '08:30', closes: '18:00' }] })
    expect(openingStatus(rows, [], shanghai(2027, 1, 4, 12))).toEqual({ open: true, closesAt: '18:00' })
  })
})

describe('the status line', () => {
  const say = (rows: OpeningRow[], closures: Closure[], now: Date) => {
    const status = openingStatus(rows, closures, now)
    return [describeStatus(status, 'zh', now), describeStatus(status, 'en', now)]
  }

  it('says when an open centre closes', () => {
    expect(say(everyDay, [], shanghai(2027, 1, 5, 15))).toEqual([
      '正在开放，20:30 关门',
      'Open now, closes at 20:30',
    ])
  })

  it('says tomorrow after closing time', () => {
    expect(say(everyDay, [], shanghai(2027, 1, 5, 21))).toEqual([
      '今天已关门，明天 08:30 开门',
      'Closed now, opens tomorrow at 08:30',
    ])
  })

  it('says today over the lunch break, and before opening by the Shanghai date', () => {
    expect(say(lunchBreak, [], shanghai(2027, 1, 5, 13))).toEqual([
      '现在未开放，今天 14:00 开门',
      'Closed now, opens today at 14:00',
    ])
    // 00:30 in Shanghai is still the previous day in UTC; "today" must be Shanghai's today.
    expect(say(everyDay, [], shanghai(2027, 1, 5, 0, 30))).toEqual([
      '现在未开放，今天 08:30 开门',
      'Closed now, opens today at 08:30',
    ])
  })

  it('names the holiday and the day of reopening', () => {
    const zh = openingStatus(everyDay, springFestival, shanghai(2027, 2, 6, 10))
    const en = openingStatus(
      everyDay,
      springFestival.map((closure) => ({ ...closure, note: 'Spring Festival' })),
      shanghai(2027, 2, 6, 10),
    )
    expect(describeStatus(zh, 'zh', shanghai(2027, 2, 6, 10))).toBe(
      '今天闭馆（春节），2月9日 星期二 08:30 开门',
    )
    expect(describeStatus(en, 'en', shanghai(2027, 2, 6, 10))).toBe(
      'Closed today (Spring Festival); opens Tuesday 9 February at 08:30',
    )
  })

  it('still says tomorrow when the centre reopens the day after a holiday', () => {
    const now = shanghai(2027, 1, 1, 9)
    const en = openingStatus(everyDay, [{ ...newYear[0]!, note: "New Year's Day" }], now)
    expect(describeStatus(openingStatus(everyDay, newYear, now), 'zh', now)).toBe(
      '今天闭馆（元旦），明天 08:30 开门',
    )
    expect(describeStatus(en, 'en', now)).toBe("Closed today (New Year's Day); opens tomorrow at 08:30")
  })

  it('gives weekday and date further ahead, and leaves out a missing note', () => {
    expect(say(weekdaysOnly, [], shanghai(2027, 1, 9, 10))).toEqual([
      '今天已关门，1月11日 星期一 09:00 开门',
      'Closed now, opens Monday 11 January at 09:00',
    ])
    expect(say(everyDay, [{ date: '2027-01-01' }], shanghai(2027, 1, 1, 10))).toEqual([
      '今天闭馆，明天 08:30 开门',
      'Closed today; opens tomorrow at 08:30',
    ])
  })

  it('promises nothing when no opening is in sight', () => {
    expect(say([], [], shanghai(2027, 1, 5, 10))).toEqual(['暂不开放', 'Closed for now'])
  })
})

describe('hours the site keeps between requests', () => {
  it('answers the same for a frozen document as for a fresh one, at every hour of a holiday week', () => {
    const frozenHours = Object.freeze(lunchBreak.map((row) => Object.freeze({ ...row })))
    const frozenClosures = Object.freeze(springFestival.map((c) => Object.freeze({ ...c })))
    for (let hour = 0; hour < 24 * 7; hour += 1) {
      const now = shanghai(2027, 2, 3, hour)
      expect(openingStatus(frozenHours, frozenClosures, now)).toEqual(
        openingStatus([...lunchBreak], [...springFestival], now),
      )
    }
    expect(weeklySchedule(frozenHours)).toEqual(weeklySchedule([...lunchBreak]))
  })

  it('reads a list being edited afresh each time', () => {
    const editing: OpeningRow[] = hours(ALL_DAYS, '08:30', '20:30')
    const closures: Closure[] = []
    const now = shanghai(2027, 1, 5, 15)
    expect(openingStatus(editing, closures, now).open).toBe(true)
    editing.splice(0, editing.length, ...hours(ALL_DAYS, '08:30', '12:00'))
    closures.push({ date: '2027-01-04T16:00:00.000Z', note: '停电' })
    expect(openingStatus(editing, closures, now)).toEqual({
      open: false,
      closedToday: { note: '停电' },
      opensNext: { weekday: 'wed', date: '2027-01-06', time: '08:30' },
    })
    expect(weeklySchedule(editing)[0]?.periods).toEqual([{ opens: '08:30', closes: '12:00' }])
  })
})
