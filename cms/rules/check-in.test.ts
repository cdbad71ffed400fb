import { describe, expect, it } from 'vitest'

import { checkInVerdict, maskedName } from './check-in'
import { sessionTime, shanghaiDateTime, shanghaiDay } from './shanghai-time'

// 2 December 2026, 08:50 in Shanghai (00:50 UTC).
const now = new Date('2026-12-02T00:50:00Z')
const session = (start: string, end?: string, centre: number = 1) => ({
  title: '晨练太极拳',
  start,
  end,
  centre,
  centreName: '四平路街道睦邻中心',
})

describe('checkInVerdict', () => {
  it('accepts a code for today’s session at the staff member’s centre', () => {
    expect(checkInVerdict(session('2026-12-02T01:00:00Z'), { centres: [1], now })).toEqual({ ok: true })
  })

  it('counts the day in Shanghai time, not the server’s UTC day', () => {
    // 07:30 in Shanghai on 2 December is still 1 December in UTC.
    const early = session('2026-12-01T23:30:00Z')
    expect(checkInVerdict(early, { centres: [1], now }).ok).toBe(true)
  })

  it('refuses next week’s session of a weekly class, naming its date', () => {
    const verdict = checkInVerdict(session('2026-12-09T01:00:00Z'), { centres: [1], now })
    expect(verdict).toMatchObject({ ok: false, reason: 'other-day' })
    if (!verdict.ok) {
      expect(verdict.message.zh).toContain('12月9日 周三 09:00')
      expect(verdict.message.zh).toContain('不是今天')
    }
  })

  it('refuses yesterday’s session too', () => {
    expect(checkInVerdict(session('2026-12-01T01:00:00Z'), { centres: [1], now }).ok).toBe(false)
  })

  it('accepts any day of an event spanning several days', () => {
    const festival = session('2026-12-01T01:00:00Z', '2026-12-03T09:00:00Z')
    expect(checkInVerdict(festival, { centres: [1], now }).ok).toBe(true)
  })

  it('refuses another centre’s code, naming that centre', () => {
    const verdict = checkInVerdict(session('2026-12-02T01:00:00Z', undefined, 2), { centres: [1], now })
    expect(verdict).toMatchObject({ ok: false, reason: 'other-centre' })
    if (!verdict.ok) expect(verdict.message.zh).toContain('四平路街道睦邻中心')
  })

  it('lets the district check in at any centre', () => {
    const verdict = checkInVerdict(session('2026-12-02T01:00:00Z', undefined, 7), { centres: 'all', now })
    expect(verdict.ok).toBe(true)
  })
})

describe('maskedName', () => {
  it('keeps the first character, and the last of longer names', () => {
    expect(maskedName('张三')).toBe('张*')
    expect(maskedName('王小明')).toBe('王*明')
    expect(maskedName('欧阳娜娜')).toBe('欧**娜')
    expect(maskedName('李')).toBe('李')
  })
})

describe('Shanghai time', () => {
  it('formats in 24 hours in Shanghai', () => {
    expect(shanghaiDateTime('2026-12-02T09:12:00Z')).toBe('2026-12-02 17:12')
    expect(shanghaiDay('2026-12-02T17:00:00Z')).toBe('2026-12-03')
    expect(sessionTime('2026-12-10T01:00:00Z')).toBe('12月10日 周四 09:00')
    expect(sessionTime('2026-12-10T01:00:00Z', 'en')).toBe('Thu 10 Dec 09:00')
  })
})
