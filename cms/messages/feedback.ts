/**
 * What residents send back: their rating after an activity, and "no more messages" for a sign-up.
 * The site's pages call these with the sign-up's code (the key of its own page); the rules are in
 * cms/rules/messages.ts. Staff panels and public pages read the summaries below.
 */
import type { Payload, PayloadRequest } from 'payload'

import { periodLabel } from '../rules/rubric'
import {
  checkFeedback,
  feedbackPeriod,
  feedbackVerdict,
  type FeedbackVerdict,
  periodBounds,
  type RatingSummary,
  summariseRatings,
} from '../rules/messages'
import { findByCode } from '../signups/event-signups'

type Id = number | string
const idOf = (value: unknown): Id =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id)

export type FeedbackPage = {
  code: string
  eventTitle: string
  centreName: string
  start: string
  verdict: FeedbackVerdict
}

async function signupWithEvent(payload: Payload, code: string) {
  const registration = await findByCode(payload, code)
  if (!registration || registration.anonymisedAt) return undefined
  const event = await payload.findByID({
    collection: 'events',
    id: idOf(registration.event),
    depth: 1,
    locale: 'zh',
    overrideAccess: true,
    disableErrors: true,
  })
  if (!event) return undefined
  const given = await payload.count({
    collection: 'feedback',
    where: { registration: { equals: registration.id } },
    overrideAccess: true,
  })
  return { registration, event, alreadyGiven: given.totalDocs > 0 }
}

/** The feedback page's facts for a sign-up's code; null when there is no such sign-up. */
export async function feedbackPageFor(
  payload: Payload,
  code: string,
  now = new Date(),
): Promise<FeedbackPage | null> {
  const found = await signupWithEvent(payload, code)
  if (!found) return null
  const { registration, event, alreadyGiven } = found
  return {
    code: registration.code!,
    eventTitle: event.title,
    centreName: typeof event.centre === 'object' ? event.centre.name : '',
    start: event.start,
    verdict: feedbackVerdict({ status: registration.status, alreadyGiven }, event, now),
  }
}

export type FeedbackOutcome =
  { ok: true } | { ok: false; status: number; verdict?: FeedbackVerdict; errors?: Record<string, string> }

/** Stores a rating once per sign-up; refuses what the rules refuse, with the field's message. */
export async function giveFeedback(
  payload: Payload,
  code: string,
  values: { rating?: unknown; comment?: unknown },
  now = new Date(),
): Promise<FeedbackOutcome> {
  const found = await signupWithEvent(payload, code)
  if (!found) return { ok: false, status: 404 }
  const { registration, event, alreadyGiven } = found
  const verdict = feedbackVerdict({ status: registration.status, alreadyGiven }, event, now)
  if (verdict !== 'open') return { ok: false, status: verdict === 'given' ? 409 : 403, verdict }
  const checked = checkFeedback(values)
  if (!checked.ok) return { ok: false, status: 400, errors: checked.errors }
  try {
    await payload.create({
      collection: 'feedback',
      data: {
        registration: registration.id,
        event: event.id,
        centre: idOf(event.centre) as number,
        activityStart: event.start,
        rating: checked.value.rating,
        comment: checked.value.comment || undefined,
      },
      depth: 0,
      overrideAccess: true,
    })
  } catch (error) {
    // Two submissions at once: the unique sign-up lets one through; the other was simply given.
    const given = await payload.count({
      collection: 'feedback',
      where: { registration: { equals: registration.id } },
      overrideAccess: true,
    })
    if (given.totalDocs > 0) return { ok: false, status: 409, verdict: 'given' }
    throw error
  }
  return { ok: true }
}

/** The resident's "stop" for one sign-up. False when there is no such sign-up. */
export async function turnMessagesOff(payload: Payload, code: string): Promise<boolean> {
  const registration = await findByCode(payload, code)
  if (!registration || registration.anonymisedAt) return false
  if (!registration.messagesOff) {
    // Straight to the row: this is not a change of seats, so the seat hooks have nothing to do.
    await payload.db.updateOne({
      collection: 'registrations',
      id: registration.id,
      data: { messagesOff: true },
    })
  }
  return true
}

export type EventFeedback = RatingSummary & { comments: { rating: number; comment: string; at: string }[] }

/** An event's ratings for its staff panel, read with the staff member's own access. */
export async function eventFeedback(req: PayloadRequest, eventId: Id): Promise<EventFeedback> {
  const { docs } = await req.payload.find({
    collection: 'feedback',
    where: { event: { equals: eventId } },
    sort: '-createdAt',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { rating: true, comment: true, createdAt: true },
    req,
  })
  return {
    ...summariseRatings(docs.map((doc) => doc.rating)),
    comments: docs
      .filter((doc) => doc.comment)
      .map((doc) => ({ rating: doc.rating, comment: doc.comment!, at: doc.createdAt })),
  }
}

export type PeriodFeedback = RatingSummary & { year: number; half: 1 | 2; label: string }

/** A centre's ratings per half-year of the activities, newest first: counts and averages only. */
export async function centreFeedbackByHalfYear(payload: Payload, centreId: Id): Promise<PeriodFeedback[]> {
  const { docs } = await payload.find({
    collection: 'feedback',
    where: { centre: { equals: centreId } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { rating: true, activityStart: true },
  })
  const byPeriod = new Map<number, { year: number; half: 1 | 2; ratings: number[] }>()
  for (const doc of docs) {
    const { year, half, key } = feedbackPeriod(doc.activityStart)
    const entry = byPeriod.get(key) ?? { year, half, ratings: [] }
    entry.ratings.push(doc.rating)
    byPeriod.set(key, entry)
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, { year, half, ratings }]) => ({
      year,
      half,
      label: periodLabel(year, half),
      ...summariseRatings(ratings),
    }))
}

/** One centre's residents' ratings for one evaluation period (an evaluation's 群众满意度). */
export async function periodFeedback(
  payload: Payload,
  centreId: Id,
  year: number,
  half: 1 | 2,
  req?: PayloadRequest,
): Promise<RatingSummary> {
  const { from, until } = periodBounds(year, half)
  const { docs } = await payload.find({
    collection: 'feedback',
    where: {
      centre: { equals: centreId },
      activityStart: { greater_than_equal: from.toISOString(), less_than: until.toISOString() },
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { rating: true },
    req,
  })
  return summariseRatings(docs.map((doc) => doc.rating))
}
