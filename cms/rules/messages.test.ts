import { describe, expect, it } from 'vitest'

import {
  checkFeedback,
  eventChangeMatters,
  feedbackPeriod,
  feedbackVerdict,
  inQuietHours,
  MAX_ATTEMPTS,
  messageForSignupChange,
  messageKey,
  messageText,
  periodBounds,
  reminderDue,
  retryAt,
  sendAfter,
  summariseRatings,
  thanksDue,
} from './messages'

// Instants built from UTC, so the host's timezone cannot leak in: Shanghai is UTC+8.
const shanghai = (month: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour - 8, minute))

describe('quiet hours', () => {
  it('are 21:00 to 08:00 Shanghai time', () => {
    expect(inQuietHours(shanghai(12, 3, 20, 59))).toBe(false)
    expect(inQuietHours(shanghai(12, 3, 21, 0))).toBe(true)
    expect(inQuietHours(shanghai(12, 4, 7, 59))).toBe(true)
    expect(inQuietHours(shanghai(12, 4, 8, 0))).toBe(false)
  })

  it('send a daytime message at once', () => {
    const now = shanghai(12, 3, 14)
    expect(sendAfter(now, shanghai(12, 10, 9))).toEqual(now)
  })

  it('hold a night message until 08:00 the next morning', () => {
    expect(sendAfter(shanghai(12, 3, 22, 30), shanghai(12, 10, 9))).toEqual(shanghai(12, 4, 8))
    // After midnight: the same morning.
    expect(sendAfter(shanghai(12, 4, 2), shanghai(12, 10, 9))).toEqual(shanghai(12, 4, 8))
  })

  it('do not hold a message about an activity that starts before the morning', () => {
    const now = shanghai(12, 3, 22)
    expect(sendAfter(now, shanghai(12, 4, 6, 30))).toEqual(now)
  })
})

describe('which change tells the resident what', () => {
  it('moving up from the waiting list is news', () => {
    expect(messageForSignupChange('waiting', 'confirmed', false)).toBe('promoted')
  })
  it('a cancellation is news when the centre cancelled the event, not when the resident did', () => {
    expect(messageForSignupChange('confirmed', 'cancelled', true)).toBe('cancelled')
    expect(messageForSignupChange('waiting', 'cancelled', true)).toBe('cancelled')
    expect(messageForSignupChange('confirmed', 'cancelled', false)).toBeUndefined()
    expect(messageForSignupChange('confirmed', 'attended', false)).toBeUndefined()
  })
  it('a new start time or room is news; a new title or end time is not', () => {
    const before = { start: '2026-12-10T01:00:00.000Z', end: '2026-12-10T03:00:00.000Z', room: '多功能厅' }
    expect(eventChangeMatters(before, { ...before, start: '2026-12-10T02:00:00.000Z' })).toBe(true)
    expect(eventChangeMatters(before, { ...before, room: '活动室' })).toBe(true)
    expect(eventChangeMatters(before, { ...before, end: '2026-12-10T04:00:00.000Z' })).toBe(false)
    expect(eventChangeMatters(before, { ...before, start: '2026-12-10T01:00:00Z' })).toBe(false)
    expect(eventChangeMatters(undefined, before)).toBe(false)
  })
  it('keys one message per sign-up and kind', () => {
    expect(messageKey(7, 'cancelled')).toBe('7:cancelled')
    expect(messageKey(7, 'changed', '2026-12-10T02:00:00.000Z|活动室')).toBe(
      '7:changed:2026-12-10T02:00:00.000Z|活动室',
    )
  })
})

describe('message text', () => {
  const facts = {
    centreName: '四平路街道睦邻中心',
    centrePhone: '021-65430000',
    eventTitle: '剪纸课',
    start: shanghai(12, 10, 9, 30),
    room: '活动室',
  }
  it('is short plain Chinese naming the centre, the activity and the centre phone', () => {
    for (const kind of ['promoted', 'cancelled', 'changed', 'reminder'] as const) {
      const text = messageText(kind, facts)
      expect(text.startsWith('【四平路街道睦邻中心】')).toBe(true)
      expect(text).toContain('剪纸课')
      expect(text).toContain('021-65430000')
      expect(text.length).toBeLessThanOrEqual(120)
    }
    expect(messageText('reminder', facts)).toContain('明天09:30')
    expect(messageText('cancelled', facts)).toContain('已取消')
  })
  it('the thank-you carries the feedback link; a notice what staff wrote, cut to its limit', () => {
    expect(
      messageText('thanks', { ...facts, feedbackUrl: 'https://x.cn/signups/ABC123/feedback' }),
    ).toContain('https://x.cn/signups/ABC123/feedback')
    expect(messageText('notice', { ...facts, notice: '请带上老花镜'.repeat(30) }).length).toBeLessThan(140)
  })
})

describe('reminders and thanks', () => {
  it('remind from the set hour of the day before', () => {
    const start = shanghai(12, 10, 9)
    expect(reminderDue(shanghai(12, 9, 17, 59), start, 18)).toBe(false)
    expect(reminderDue(shanghai(12, 9, 18), start, 18)).toBe(true)
    expect(reminderDue(shanghai(12, 8, 19), start, 18)).toBe(false)
    expect(reminderDue(shanghai(12, 10, 8), start, 18)).toBe(false)
  })
  it('thank within two days of the end', () => {
    const end = shanghai(12, 10, 11)
    expect(thanksDue(shanghai(12, 10, 10), end)).toBe(false)
    expect(thanksDue(shanghai(12, 10, 11, 5), end)).toBe(true)
    expect(thanksDue(shanghai(12, 13, 11), end)).toBe(false)
  })
  it('retry after 1, 5, 30 and 120 minutes, then give up', () => {
    const now = shanghai(12, 3, 10)
    expect(retryAt(now, 1)!.getTime() - now.getTime()).toBe(60_000)
    expect(retryAt(now, 4)!.getTime() - now.getTime()).toBe(120 * 60_000)
    expect(retryAt(now, MAX_ATTEMPTS)).toBeUndefined()
  })
})

describe('feedback', () => {
  const activity = { start: shanghai(12, 10, 9), status: 'scheduled' }
  it('opens once the activity has started, for a sign-up that held a seat, once', () => {
    expect(feedbackVerdict({ status: 'confirmed', alreadyGiven: false }, activity, shanghai(12, 10, 8))).toBe(
      'not-yet',
    )
    expect(feedbackVerdict({ status: 'confirmed', alreadyGiven: false }, activity, shanghai(12, 10, 9))).toBe(
      'open',
    )
    expect(feedbackVerdict({ status: 'attended', alreadyGiven: false }, activity, shanghai(12, 11, 9))).toBe(
      'open',
    )
    expect(feedbackVerdict({ status: 'waiting', alreadyGiven: false }, activity, shanghai(12, 11, 9))).toBe(
      'not-eligible',
    )
    expect(feedbackVerdict({ status: 'confirmed', alreadyGiven: true }, activity, shanghai(12, 11, 9))).toBe(
      'given',
    )
  })
  it('takes a whole rating 1–5 and a short comment', () => {
    expect(checkFeedback({ rating: '5', comment: ' 很好 ' })).toEqual({
      ok: true,
      value: { rating: 5, comment: '很好' },
    })
    expect(checkFeedback({ rating: '6' }).ok).toBe(false)
    expect(checkFeedback({ rating: '4.5' }).ok).toBe(false)
    expect(checkFeedback({ rating: ['5'] }).ok).toBe(false)
    expect(checkFeedback({ rating: '3', comment: '好'.repeat(301) }).ok).toBe(false)
  })
  it('counts by half-year in Shanghai time and averages to one decimal', () => {
    expect(feedbackPeriod(new Date(Date.UTC(2026, 5, 30, 17)))).toEqual({ year: 2026, half: 2, key: 20262 })
    expect(feedbackPeriod(shanghai(3, 1, 10)).key).toBe(20261)
    const { from, until } = periodBounds(2026, 2)
    expect(from).toEqual(shanghai(7, 1, 0))
    expect(until).toEqual(new Date(Date.UTC(2026, 11, 31, 16)))
    expect(summariseRatings([5, 4, 4])).toEqual({ count: 3, average: 4.3 })
    expect(summariseRatings([])).toEqual({ count: 0, average: null })
  })
})

describe('what people type', () => {
  it('a notice is one short line without hidden characters', async () => {
    const { checkNotice } = await import('./messages')
    expect(checkNotice('  请带上\n老花镜 ')).toBe('请带上 老花镜')
    expect(checkNotice('')).toBeUndefined()
    expect(checkNotice('字'.repeat(71))).toBeUndefined()
    expect(checkNotice('隐藏\u202e文字')).toBeUndefined()
    expect(checkNotice(42)).toBeUndefined()
  })
  it('a comment may have line breaks but no control or invisible characters', () => {
    expect(checkFeedback({ rating: '4', comment: '很好\n下次再来' }).ok).toBe(true)
    expect(checkFeedback({ rating: '4', comment: '很好\u0000' }).ok).toBe(false)
    expect(checkFeedback({ rating: '4', comment: '很\u200b好' }).ok).toBe(false)
  })
})

describe('quiet hours as an operator sets them', () => {
  it('reads "21-8", "off" and refuses the rest', async () => {
    const { parseQuietHours } = await import('./messages')
    expect(parseQuietHours(undefined)).toEqual({ from: 21, until: 8 })
    expect(parseQuietHours('22-7')).toEqual({ from: 22, until: 7 })
    expect(parseQuietHours('off')).toBeNull()
    expect(parseQuietHours('evening')).toBeUndefined()
    expect(parseQuietHours('8-8')).toBeUndefined()
    expect(sendAfter(shanghai(12, 3, 23), shanghai(12, 10, 9), null)).toEqual(shanghai(12, 3, 23))
    expect(inQuietHours(shanghai(12, 3, 12), { from: 12, until: 14 })).toBe(true)
  })
})
