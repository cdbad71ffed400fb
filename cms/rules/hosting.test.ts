import { describe, expect, it } from 'vitest'

import {
  addDays,
  checkDays,
  dayToTimestamp,
  type HostedRequest,
  type HostingCentre,
  isClosedOn,
  nextFreeDays,
  occupiedSlots,
  parseDay,
  shanghaiDay,
} from './hosting'
import type { OpeningRow, Weekday } from './opening-hours'

const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const weekdays: OpeningRow[] = WORKDAYS.map((day) => ({ day, opens: '09:00', closes: '17:00' }))

// 2026-12-07 is a Monday.
const siping: HostingCentre = { id: 1, hostingLimit: 2 }
const fushun: HostingCentre = { id: 2, hostingLimit: 1 }

/** A request as Payload stores it: dates picked in Shanghai are Shanghai midnight in UTC. */
const request = (
  id: number,
  status: string,
  centres: number[],
  days: string[],
  itinerary: Array<[number, string]> = [],
): HostedRequest => ({
  id,
  status,
  centres,
  preferredDates: days.map((day) => ({ date: new Date(`${day}T00:00:00+08:00`).toISOString() })),
  itinerary: itinerary.map(([centre, start]) => ({ centre: { id: centre }, start })),
})

describe('calendar days', () => {
  it('reads stored dates as Shanghai days, whatever the UTC date', () => {
    expect(shanghaiDay('2026-12-07T16:00:00.000Z')).toBe('2026-12-08')
    expect(shanghaiDay('2026-12-08T15:59:00.000Z')).toBe('2026-12-08')
    expect(shanghaiDay('2026-12-08')).toBe('2026-12-08')
    expect(shanghaiDay(dayToTimestamp('2026-12-08'))).toBe('2026-12-08')
    expect(shanghaiDay('not a date')).toBeNull()
  })

  it('accepts only real calendar days', () => {
    expect(parseDay('2027-02-28')).toBe('2027-02-28')
    expect(parseDay('2027-02-29')).toBeNull()
    expect(parseDay('2028-02-29')).toBe('2028-02-29')
    expect(parseDay('2027-2-3')).toBeNull()
    expect(parseDay('')).toBeNull()
  })

  it('counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })
})

describe('which days a request holds', () => {
  it('holds every preferred date at every chosen centre while pending, approved or scheduled', () => {
    for (const status of ['pending', 'approved', 'scheduled']) {
      expect(occupiedSlots(request(1, status, [1, 2], ['2026-12-08', '2026-12-10']))).toEqual([
        { centre: '1', day: '2026-12-08' },
        { centre: '1', day: '2026-12-10' },
        { centre: '2', day: '2026-12-08' },
        { centre: '2', day: '2026-12-10' },
      ])
    }
  })

  it('holds nothing once declined', () => {
    expect(occupiedSlots(request(1, 'declined', [1], ['2026-12-08']))).toEqual([])
  })

  it('holds only the itinerary once there is one', () => {
    const planned = request(
      1,
      'scheduled',
      [1, 2],
      ['2026-12-08', '2026-12-10'],
      [
        [1, '2026-12-08T01:30:00.000Z'], // 09:30 in Shanghai
        [2, '2026-12-08T06:00:00.000Z'],
        [2, '2026-12-08T07:00:00.000Z'], // two stops at one centre the same day count once
      ],
    )
    expect(occupiedSlots(planned)).toEqual([
      { centre: '1', day: '2026-12-08' },
      { centre: '2', day: '2026-12-08' },
    ])
  })

  it('puts a late-evening itinerary stop on its Shanghai day', () => {
    const late = request(1, 'scheduled', [1], [], [[1, '2026-12-08T17:00:00.000Z']]) // 01:00 on the 9th
    expect(occupiedSlots(late)).toEqual([{ centre: '1', day: '2026-12-09' }])
  })
})

describe('full days', () => {
  const requests = [
    request(10, 'pending', [1], ['2026-12-08']),
    request(11, 'approved', [1, 2], ['2026-12-08', '2026-12-09']),
    request(12, 'declined', [1, 2], ['2026-12-10']),
  ]

  it('refuses a day once the limit is reached, and not before', () => {
    const [dec8, dec9] = checkDays({ centres: [siping, fushun], requests }, ['2026-12-08', '2026-12-09'])
    expect(dec8).toEqual({ day: '2026-12-08', full: ['1', '2'], closed: [] })
    // Siping hosts two a day and has one; Fushun hosts one and has it.
    expect(dec9).toEqual({ day: '2026-12-09', full: ['2'], closed: [] })
  })

  it('does not count declined requests', () => {
    const [dec10] = checkDays({ centres: [fushun], requests }, ['2026-12-10'])
    expect(dec10!.full).toEqual([])
  })

  it('does not count the request being changed against itself', () => {
    const [dec9] = checkDays({ centres: [fushun], requests, exclude: 11 }, ['2026-12-09'])
    expect(dec9!.full).toEqual([])
  })

  it('treats a limit of 0 as never hosting, and a missing limit as the default of 2', () => {
    const closedToVisits = { id: 3, hostingLimit: 0 }
    const unset = { id: 4, hostingLimit: null }
    const two = [request(20, 'pending', [4], ['2026-12-08']), request(21, 'pending', [4], ['2026-12-08'])]
    expect(checkDays({ centres: [closedToVisits], requests: [] }, ['2026-12-08'])[0]!.full).toEqual(['3'])
    expect(checkDays({ centres: [unset], requests: two.slice(0, 1) }, ['2026-12-08'])[0]!.full).toEqual([])
    expect(checkDays({ centres: [unset], requests: two }, ['2026-12-08'])[0]!.full).toEqual(['4'])
  })
})

describe('closed days', () => {
  const weekdayCentre: HostingCentre = {
    id: 5,
    hostingLimit: 2,
    openingHours: weekdays,
    closures: [{ date: '2026-12-31T16:00:00.000Z', note: '元旦' }],
  }

  it('knows weekends and holidays from the opening hours', () => {
    expect(isClosedOn(weekdayCentre, '2026-12-11')).toBe(false) // Friday
    expect(isClosedOn(weekdayCentre, '2026-12-12')).toBe(true) // Saturday
    expect(isClosedOn(weekdayCentre, '2027-01-01')).toBe(true) // New Year's Day, a Friday
  })

  it('takes a centre without recorded hours to be open every day', () => {
    expect(isClosedOn({ id: 6 }, '2026-12-12')).toBe(false)
  })

  it('refuses closed days only when asked to (the public form), not for staff', () => {
    const query = { centres: [weekdayCentre], requests: [] }
    expect(checkDays({ ...query, checkClosed: true }, ['2026-12-12'])[0]!.closed).toEqual(['5'])
    expect(checkDays(query, ['2026-12-12'])[0]!).toEqual({ day: '2026-12-12', full: [], closed: [] })
  })
})

describe('the next free days', () => {
  it('offers the next three days after the refused one on which every chosen centre has room', () => {
    const requests = [
      request(1, 'pending', [2], ['2026-12-08', '2026-12-09']),
      request(2, 'approved', [1], ['2026-12-10']),
      request(3, 'approved', [1], ['2026-12-10']),
    ]
    const query = { centres: [siping, fushun], requests }
    expect(nextFreeDays(query, '2026-12-08', { until: '2027-06-01' })).toEqual([
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ])
  })

  it('skips closed days and the delegation’s other choice when asked', () => {
    const centre: HostingCentre = { id: 5, hostingLimit: 1, openingHours: weekdays }
    const query = { centres: [centre], requests: [], checkClosed: true }
    // Friday the 11th is refused; the weekend is closed; Monday the 14th is the other choice.
    expect(nextFreeDays(query, '2026-12-11', { until: '2027-06-01', skip: ['2026-12-14'] })).toEqual([
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
    ])
  })

  it('stops at the last day that may be requested', () => {
    const query = { centres: [siping], requests: [] }
    expect(nextFreeDays(query, '2026-12-08', { until: '2026-12-10' })).toEqual(['2026-12-09', '2026-12-10'])
    expect(nextFreeDays(query, '2026-12-10', { until: '2026-12-10' })).toEqual([])
  })

  it('offers nothing for a centre that hosts no delegations', () => {
    const query = { centres: [siping, { id: 3, hostingLimit: 0 }], requests: [] }
    expect(nextFreeDays(query, '2026-12-08', { until: '2027-06-01' })).toEqual([])
  })
})
