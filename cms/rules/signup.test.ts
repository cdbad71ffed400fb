import { describe, expect, it } from 'vitest'

import { checkSignup, matchesLastFour, signupState, type SignupEvent } from './signup'

const now = new Date('2026-11-23T02:00:00Z')
const event = (over: Partial<SignupEvent> = {}): SignupEvent => ({
  status: 'scheduled',
  start: '2026-11-30T01:00:00Z',
  end: '2026-11-30T03:00:00Z',
  capacity: 10,
  seatsTaken: 0,
  waitingCount: 0,
  waitingList: true,
  maxPartySize: 2,
  ...over,
})

describe('signupState', () => {
  it('is open while seats are free', () => expect(signupState(event(), now)).toBe('open'))
  it('refuses a cancelled event even with seats', () =>
    expect(signupState(event({ status: 'cancelled' }), now)).toBe('cancelled'))
  it('is over after the end, and closed once started', () => {
    expect(signupState(event({ end: '2026-11-23T01:00:00Z', start: '2026-11-23T00:00:00Z' }), now)).toBe(
      'past',
    )
    expect(signupState(event({ start: '2026-11-23T01:00:00Z' }), now)).toBe('running')
  })
  it('respects the sign-up window', () => {
    expect(signupState(event({ signupOpens: '2026-11-24T00:00:00Z' }), now)).toBe('not-open')
    expect(signupState(event({ signupCloses: '2026-11-23T01:59:59Z' }), now)).toBe('closed')
    expect(signupState(event({ signupCloses: '2026-11-23T02:00:01Z' }), now)).toBe('open')
  })
  it('sends newcomers to the waiting list when full, or refuses when there is none', () => {
    expect(signupState(event({ seatsTaken: 10 }), now)).toBe('waiting')
    expect(signupState(event({ seatsTaken: 10, waitingList: false }), now)).toBe('full')
  })
  it('keeps newcomers behind people already waiting, even when a seat is momentarily free', () => {
    expect(signupState(event({ seatsTaken: 9, waitingCount: 2 }), now)).toBe('waiting')
  })
})

describe('checkSignup', () => {
  it('accepts a typical sign-up and cleans it', () => {
    expect(
      checkSignup({ name: ' 王  阿姨 ', phone: '+86 139-1234-5678', partySize: '2', consent: 'on' }, 2),
    ).toEqual({
      ok: true,
      value: { name: '王 阿姨', phone: '13912345678', partySize: 2, consent: true },
    })
  })
  it('names every problem at once, in Chinese and English', () => {
    const result = checkSignup({ name: '', phone: '2345', partySize: '3' }, 2)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['consent', 'name', 'partySize', 'phone'])
    expect(result.errors.partySize?.zh).toContain('1 到 2')
    expect(result.errors.phone?.en).toMatch(/11-digit/)
  })
  it('refuses a party of two where only one is allowed, and a fractional or zero party', () => {
    expect(checkSignup({ name: 'a', phone: '13912345678', partySize: 2, consent: true }, 1).ok).toBe(false)
    expect(checkSignup({ name: 'a', phone: '13912345678', partySize: 1.5, consent: true }, 3).ok).toBe(false)
    expect(checkSignup({ name: 'a', phone: '13912345678', partySize: 0, consent: true }, 3).ok).toBe(false)
  })
  it('refuses landlines and numbers that are not mainland mobiles', () => {
    expect(checkSignup({ name: 'a', phone: '021-65431234', consent: true }, 1).ok).toBe(false)
    expect(checkSignup({ name: 'a', phone: '12912345678', consent: true }, 1).ok).toBe(false)
  })
})

describe('matchesLastFour', () => {
  it('matches the last four digits or the whole number only', () => {
    expect(matchesLastFour('13912345678', '5678')).toBe(true)
    expect(matchesLastFour('13912345678', '5679')).toBe(false)
    expect(matchesLastFour('13912345678', '139 1234 5678')).toBe(true)
    expect(matchesLastFour('13912345678', '678')).toBe(false)
    expect(matchesLastFour(null, '5678')).toBe(false)
  })

  describe('odd input (issue 12)', () => {
    const base = { phone: '13912345678', consent: true }
    it('refuses names without visible characters or with control characters', () => {
      for (const name of ['\u200b\u200b', 'a\u0000b', '\u202e', '   '])
        expect(checkSignup({ ...base, name }, 3).ok, JSON.stringify(name)).toBe(false)
    })
    it('takes only whole numbers as party sizes', () => {
      for (const partySize of ['0x2', [2], true, '2e0', ' 2', null])
        expect(checkSignup({ ...base, name: '王', partySize }, 3).ok, JSON.stringify(partySize)).toBe(false)
      expect(checkSignup({ ...base, name: '王', partySize: '2' }, 3).ok).toBe(true)
      expect(checkSignup({ ...base, name: '王', partySize: 2 }, 3).ok).toBe(true)
    })
  })
})
