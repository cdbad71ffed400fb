/**
 * Messages to residents against a real SQLite database: each change writes its messages once, in
 * its own transaction; the reminder job makes one per seat holder and sends none at night;
 * failures retry and then stop; a resident's "stop" and the retention period are honoured; and
 * feedback is taken once, only after the activity started.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { anonymisePersonalData } from '../../cms/jobs/anonymise-personal-data'
import type { MessageChannel, OutgoingMessage } from '../../cms/messages/channels'
import {
  centreFeedbackByHalfYear,
  giveFeedback,
  periodFeedback,
  turnMessagesOff,
} from '../../cms/messages/feedback'
import { queueRemindersAndThanks } from '../../cms/messages/reminders'
import { sendDueMessages } from '../../cms/messages/send'
import { feedbackPeriod, MAX_ATTEMPTS } from '../../cms/rules/messages'
import { cancelSignup, signUp } from '../../cms/signups/event-signups'
import { makeCentre, makeEvent } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let centreId: number
beforeAll(async () => {
  payload = await testPayload()
  centreId = (await makeCentre(payload, { name: '测试睦邻中心', phone: '021-65430000' })).id
})

const phone = (n: number) => `138${String(n).padStart(8, '0')}`
const person = (n: number) => ({ name: `居民${n}`, phone: phone(n), partySize: 1, consent: 'on' })
const HOUR = 3600_000
/** 10:00 Shanghai time, `days` from today. */
const shanghaiMorning = (days: number) => {
  const d = new Date(Date.now() + days * 24 * HOUR + 8 * HOUR)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 10 - 8))
}

function recordingChannel(fail = false): MessageChannel & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = []
  return {
    name: 'test',
    sent,
    async send(message) {
      if (fail) throw new Error('gateway down')
      sent.push(message)
      return {}
    },
  }
}

async function messagesOf(eventId: number) {
  const { docs } = await payload.find({
    collection: 'messages',
    where: { event: { equals: eventId } },
    limit: 0,
    pagination: false,
    depth: 0,
    sort: 'id',
  })
  return docs
}

async function signUpMany(eventId: number, from: number, count: number) {
  const results = []
  for (let i = 0; i < count; i += 1) {
    const result = await signUp(payload, eventId, person(from + i))
    if (!result.ok) throw new Error(JSON.stringify(result))
    results.push(result.value)
  }
  return results
}

describe('messages caused by a change', () => {
  it('the centre cancels an event: every confirmed and waiting sign-up gets one "cancelled" message, however often it is saved', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 3, maxPartySize: 1 })
    await signUpMany(event.id, 100, 5)
    const cancel = () => payload.update({ collection: 'events', id: event.id, data: { status: 'cancelled' } })
    await cancel()
    await cancel()
    const rows = await messagesOf(event.id)
    expect(rows.filter((r) => r.kind === 'cancelled')).toHaveLength(5)
    expect(new Set(rows.map((r) => r.registration)).size).toBe(5)
    expect(rows[0]!.text).toMatch(/^【测试睦邻中心】.*已取消.*021-65430000/)
    expect(rows.every((r) => r.status === 'pending')).toBe(true)
  })

  it('a waiting resident moved up gets one message; the one who cancelled gets none', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 1, maxPartySize: 1 })
    const [first, second] = await signUpMany(event.id, 200, 2)
    expect(second!.status).toBe('waiting')
    const cancelled = await cancelSignup(payload, first!.code, phone(200).slice(-4))
    expect(cancelled.ok).toBe(true)
    const rows = await messagesOf(event.id)
    expect(rows.map((r) => r.kind)).toEqual(['promoted'])
    expect(rows[0]!.text).toContain('已转为报名成功')
  })

  it('a new time tells each active sign-up once; saving the same time again tells nobody again', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    await signUpMany(event.id, 300, 2)
    const later = new Date(new Date(event.start).getTime() + HOUR).toISOString()
    const end = new Date(new Date(event.end).getTime() + HOUR).toISOString()
    await payload.update({ collection: 'events', id: event.id, data: { start: later, end } })
    await payload.update({ collection: 'events', id: event.id, data: { title: '改了名字' } })
    expect((await messagesOf(event.id)).map((r) => r.kind)).toEqual(['changed', 'changed'])
    await payload.update({ collection: 'events', id: event.id, data: { room: '多功能厅' } })
    expect(await messagesOf(event.id)).toHaveLength(4)
  })

  it('a resident who turned messages off gets none', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const [quiet] = await signUpMany(event.id, 400, 2)
    expect(await turnMessagesOff(payload, quiet!.code)).toBe(true)
    await payload.update({ collection: 'events', id: event.id, data: { status: 'cancelled' } })
    expect(await messagesOf(event.id)).toHaveLength(1)
  })
})

describe('the reminder the day before, and sending', () => {
  it('one reminder per confirmed sign-up; made at night, none goes out before 08:00', async () => {
    const start = shanghaiMorning(3)
    const event = await makeEvent(payload, centreId, {
      capacity: 3,
      maxPartySize: 1,
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * HOUR).toISOString(),
    })
    await signUpMany(event.id, 500, 4) // three confirmed, one waiting
    const tenAtNight = new Date(start.getTime() - 12 * HOUR) // 22:00 the day before
    const made = await queueRemindersAndThanks(payload, { now: tenAtNight, hour: 20 })
    expect(made.reminders).toBe(3)
    expect((await queueRemindersAndThanks(payload, { now: tenAtNight, hour: 20 })).reminders).toBe(0)

    const channel = recordingChannel()
    const atNight = await sendDueMessages(payload, { now: new Date(tenAtNight.getTime() + HOUR), channel })
    expect(atNight.sent).toBe(0)
    expect(channel.sent).toHaveLength(0)

    const eightInTheMorning = new Date(start.getTime() - 2 * HOUR)
    await sendDueMessages(payload, { now: eightInTheMorning, channel })
    const mine = channel.sent.filter((m) => m.id.endsWith(':reminder'))
    expect(mine).toHaveLength(3)
    expect(new Set(mine.map((m) => m.to))).toEqual(new Set([phone(500), phone(501), phone(502)]))
    expect(mine[0]!.text).toContain('明天10:00')
    // Sent once: another run sends nothing more.
    await sendDueMessages(payload, { now: eightInTheMorning, channel })
    expect(channel.sent.filter((m) => m.id.endsWith(':reminder'))).toHaveLength(3)
    const rows = (await messagesOf(event.id)).filter((r) => r.kind === 'reminder')
    expect(rows.every((r) => r.status === 'sent' && r.sentAt && r.attempts === 1)).toBe(true)
  })

  it('a refused message is tried again later, then given up and shown as failed', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 1 })
    await signUpMany(event.id, 600, 1)
    await payload.update({ collection: 'events', id: event.id, data: { status: 'cancelled' } })
    const broken = recordingChannel(true)
    let now = new Date(Date.now() + 60_000)
    // By day, so quiet hours do not hold the retries.
    now = new Date(Math.ceil(now.getTime() / (24 * HOUR)) * 24 * HOUR + 2 * HOUR) // 10:00 Shanghai
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await sendDueMessages(payload, { now, channel: broken })
      const [row] = await messagesOf(event.id)
      expect(row!.attempts).toBe(attempt)
      expect(row!.lastError).toBe('gateway down')
      expect(row!.status).toBe(attempt < MAX_ATTEMPTS ? 'pending' : 'failed')
      // Nothing more before the back-off has passed.
      expect((await sendDueMessages(payload, { now, channel: broken })).retrying).toBe(0)
      now = new Date(now.getTime() + 2.5 * HOUR) // past the longest back-off, still by day
    }
  })

  it('the thank-you after the activity carries the feedback link', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 1 })
    const [signup] = await signUpMany(event.id, 700, 1)
    const afterwards = new Date(new Date(event.end).getTime() + HOUR)
    expect((await queueRemindersAndThanks(payload, { now: afterwards })).thanks).toBeGreaterThanOrEqual(1)
    const [thanks] = (await messagesOf(event.id)).filter((r) => r.kind === 'thanks')
    expect(thanks!.text).toContain(`/signups/${signup!.code}/feedback`)
  })

  it('an event past the retention period loses its outbox with the personal data', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 1 })
    await signUpMany(event.id, 800, 1)
    await payload.update({ collection: 'events', id: event.id, data: { status: 'cancelled' } })
    expect(await messagesOf(event.id)).toHaveLength(1)
    const counts = await anonymisePersonalData(payload, {
      now: new Date(Date.now() + 60 * 24 * HOUR),
      days: 30,
    })
    expect(counts.messages).toBeGreaterThanOrEqual(1)
    expect(await messagesOf(event.id)).toHaveLength(0)
  })
})

describe('feedback', () => {
  it('once per sign-up, only after the activity started, counted by half-year without comments', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 1 })
    const [signup, waiting] = await signUpMany(event.id, 900, 2).then(async (two) => {
      const third = await signUp(payload, event.id, person(902))
      return [two[0], third.ok ? third.value : undefined]
    })
    expect(waiting!.status).toBe('waiting')
    const started = new Date(new Date(event.start).getTime() + 10 * 60_000)

    expect(await giveFeedback(payload, signup!.code, { rating: '5', comment: '老师很耐心' })).toMatchObject({
      ok: false,
      status: 403,
      verdict: 'not-yet',
    })
    expect(await giveFeedback(payload, signup!.code, { rating: '9' }, started)).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(
      await giveFeedback(payload, signup!.code, { rating: '5', comment: '老师很耐心' }, started),
    ).toEqual({ ok: true })
    expect(await giveFeedback(payload, signup!.code, { rating: '1' }, started)).toMatchObject({ status: 409 })
    expect(await giveFeedback(payload, waiting!.code, { rating: '1' }, started)).toMatchObject({
      status: 403,
    })

    const period = feedbackPeriod(event.start)
    expect(await periodFeedback(payload, centreId, period.year, period.half)).toEqual({
      count: 1,
      average: 5,
    })
    const byHalfYear = await centreFeedbackByHalfYear(payload, centreId)
    expect(byHalfYear[0]).toMatchObject({ year: period.year, half: period.half, count: 1, average: 5 })
    expect(JSON.stringify(byHalfYear)).not.toContain('老师很耐心')
  })
})
