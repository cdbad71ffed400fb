/**
 * The sender: takes what is due from the outbox and hands it to the channel (cms/messages/
 * channels.ts), one row at a time, each outcome committed before the next.
 *
 * Never two: a row is first marked `sending` (committed), then sent, then marked `sent`. A crash
 * after the mark leaves it `sending`; the next run finds it stale and records it as failed with
 * "outcome unknown" rather than send again — staff see it on the event and can phone the
 * resident. A refusal from the channel is retried later (1, 5, 30, 120 minutes), then `failed`.
 */
import type { Payload } from 'payload'

import type { Message } from '../payload-types'
import {
  MAX_ATTEMPTS,
  type MessageKind,
  maySendAt,
  retryAt,
  SENDING_STALE_MINUTES,
  sendAfter,
  stillRelevant,
} from '../rules/messages'
import { quietHours } from '../settings'
import { channelFromSettings, type MessageChannel } from './channels'

export type SendOutcome = { sent: number; failed: number; skipped: number; held: number; retrying: number }

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id: number }).id : (value as number)

async function mark(payload: Payload, id: number, data: Partial<Message>) {
  await payload.update({ collection: 'messages', id, data, depth: 0, overrideAccess: true })
}

/** Rows left `sending` by a process that died mid-send: failed, outcome unknown. */
async function closeStaleSends(payload: Payload, now: Date): Promise<number> {
  const before = new Date(now.getTime() - SENDING_STALE_MINUTES * 60_000).toISOString()
  const { docs } = await payload.find({
    collection: 'messages',
    where: { status: { equals: 'sending' }, updatedAt: { less_than: before } },
    limit: 100,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  for (const { id } of docs) {
    await mark(payload, id, {
      status: 'failed',
      lastError: '发送中断，结果不明；为免重复未再发送 / Interrupted; not sent again to avoid a duplicate',
    })
  }
  return docs.length
}

export async function sendDueMessages(
  payload: Payload,
  {
    now = new Date(),
    channel = channelFromSettings(),
    limit = 100,
  }: { now?: Date; channel?: MessageChannel; limit?: number } = {},
): Promise<SendOutcome> {
  const outcome: SendOutcome = {
    sent: 0,
    failed: await closeStaleSends(payload, now),
    skipped: 0,
    held: 0,
    retrying: 0,
  }
  const { docs } = await payload.find({
    collection: 'messages',
    where: { status: { equals: 'pending' }, sendAfter: { less_than_equal: now.toISOString() } },
    sort: 'sendAfter',
    limit,
    depth: 0,
    overrideAccess: true,
  })
  for (const message of docs) {
    const registration = await payload.findByID({
      collection: 'registrations',
      id: idOf(message.registration),
      depth: 0,
      overrideAccess: true,
      select: { phone: true, status: true, messagesOff: true, anonymisedAt: true },
      disableErrors: true,
    })
    const event = await payload.findByID({
      collection: 'events',
      id: idOf(message.event),
      depth: 0,
      overrideAccess: true,
      select: { start: true },
      disableErrors: true,
    })
    const why = !registration
      ? '报名已删除 / The sign-up was deleted'
      : registration.messagesOff
        ? '居民已关闭短信 / The resident turned messages off'
        : registration.anonymisedAt || !registration.phone
          ? '号码已匿名 / The number was anonymised'
          : !stillRelevant(message.kind as MessageKind, registration.status)
            ? '报名已变化，不再需要 / No longer relevant'
            : undefined
    if (why) {
      await mark(payload, message.id, { status: 'skipped', lastError: why })
      outcome.skipped += 1
      continue
    }
    // A retry may come due at night: hold it until the morning like any message.
    if (!maySendAt(now, event?.start, quietHours)) {
      await mark(payload, message.id, { sendAfter: sendAfter(now, event?.start, quietHours).toISOString() })
      outcome.held += 1
      continue
    }
    const attempts = (message.attempts ?? 0) + 1
    await mark(payload, message.id, { status: 'sending', attempts, channel: channel.name })
    try {
      await channel.send({ id: message.messageKey, to: registration!.phone, text: message.text })
      await mark(payload, message.id, { status: 'sent', sentAt: new Date().toISOString(), lastError: null })
      outcome.sent += 1
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const again = attempts < MAX_ATTEMPTS ? retryAt(now, attempts) : undefined
      await mark(payload, message.id, {
        status: again ? 'pending' : 'failed',
        sendAfter: (again ?? now).toISOString(),
        lastError: reason.slice(0, 300),
      })
      if (again) outcome.retrying += 1
      else outcome.failed += 1
    }
  }
  return outcome
}
