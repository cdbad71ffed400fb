/**
 * 短信通知: which change tells a resident what, when a message may go out, what it says, and when a
 * resident may give feedback. Pure: the outbox (cms/messages/) and the pages call these.
 *
 * Residents are told by SMS, many of them elderly: messages are short plain Chinese that names the
 * centre and its phone (so a reply goes to a person), never sent at night, and never twice.
 */
import { sessionTime, shanghaiDay } from './shanghai-time'
import { checkName } from './text'

export const MESSAGE_KINDS = ['promoted', 'cancelled', 'changed', 'reminder', 'thanks', 'notice'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MESSAGE_KIND_LABELS: Record<MessageKind, { zh: string; en: string }> = {
  promoted: { zh: '候补转正', en: 'Moved up from waiting' },
  cancelled: { zh: '活动取消', en: 'Event cancelled' },
  changed: { zh: '时间地点变更', en: 'Time or place changed' },
  reminder: { zh: '活动前一天提醒', en: 'Day-before reminder' },
  thanks: { zh: '感谢与评价', en: 'Thanks and feedback' },
  notice: { zh: '中心通知', en: 'Notice from the centre' },
}

/** No SMS from 21:00 until 08:00 Shanghai time (MESSAGE_QUIET_HOURS changes it). */
export type QuietHours = { from: number; until: number }
export const QUIET_HOURS: QuietHours = { from: 21, until: 8 }

/**
 * MESSAGE_QUIET_HOURS as an operator writes it: "21-8" (from 21:00 until 08:00), or "off" for
 * none (a test portal, a district that sends by day only anyway). Undefined when unreadable.
 */
export function parseQuietHours(value: string | undefined): QuietHours | null | undefined {
  if (value === undefined || value.trim() === '') return QUIET_HOURS
  if (value.trim() === 'off') return null
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim())
  if (!match) return undefined
  const [from, until] = [Number(match[1]), Number(match[2])]
  return from <= 23 && until <= 23 && from !== until ? { from, until } : undefined
}

const HOUR = 3600_000
/** Shanghai is UTC+8 all year (no daylight saving), so its hours are plain arithmetic. */
const SHANGHAI_OFFSET = 8 * HOUR

const shanghaiHour = (at: Date): number => new Date(at.getTime() + SHANGHAI_OFFSET).getUTCHours()

/** The next `hour`:00 in Shanghai at or after `at`. */
function nextShanghaiHour(at: Date, hour: number): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET)
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour)
  const next = today >= local.getTime() ? today : today + 24 * HOUR
  return new Date(next - SHANGHAI_OFFSET)
}

export const inQuietHours = (at: Date, quiet: QuietHours | null = QUIET_HOURS): boolean => {
  if (!quiet) return false
  const hour = shanghaiHour(at)
  return quiet.from > quiet.until
    ? hour >= quiet.from || hour < quiet.until
    : hour >= quiet.from && hour < quiet.until
}

/**
 * When a message made at `now` may go out: at once by day; in quiet hours, held until they end —
 * unless the activity starts before then, when waiting would make the message useless (an early
 * morning walk cancelled at 22:00 is still worth a message that night).
 */
export function sendAfter(
  now: Date,
  activityStart: Date | string | null | undefined,
  quiet: QuietHours | null = QUIET_HOURS,
): Date {
  if (!quiet || !inQuietHours(now, quiet)) return now
  const morning = nextShanghaiHour(now, quiet.until)
  if (activityStart && new Date(activityStart) < morning && new Date(activityStart) > now) return now
  return morning
}

/** Whether a message may go out at `now` (the sender's last check: a retry may land at night). */
export function maySendAt(
  now: Date,
  activityStart: Date | string | null | undefined,
  quiet: QuietHours | null = QUIET_HOURS,
): boolean {
  return sendAfter(now, activityStart, quiet).getTime() <= now.getTime()
}

/**
 * A sign-up's status change that the resident must hear of. Moving up from the waiting list is
 * news; a cancellation is news only when the centre cancelled the event (a resident who cancels
 * knows it already; the event-wide message says why).
 */
export function messageForSignupChange(
  previousStatus: string | null | undefined,
  status: string,
  eventCancelled: boolean,
): MessageKind | undefined {
  if (previousStatus === 'waiting' && status === 'confirmed') return 'promoted'
  if (
    status === 'cancelled' &&
    eventCancelled &&
    (previousStatus === 'confirmed' || previousStatus === 'waiting')
  )
    return 'cancelled'
  return undefined
}

type EventPlace = { start?: string | null; end?: string | null; room?: string | null; status?: string | null }

/**
 * A published event's change that its sign-ups must hear of: a new start time or a new room.
 * (A cancellation is told through each sign-up's cancellation; the end time alone is not news.)
 */
export function eventChangeMatters(previous: EventPlace | undefined, next: EventPlace): boolean {
  if (!previous || next.status === 'cancelled') return false
  const moved = Boolean(
    previous.start && next.start && new Date(previous.start).getTime() !== new Date(next.start).getTime(),
  )
  const newRoom = (previous.room ?? '') !== (next.room ?? '')
  return moved || newRoom
}

/**
 * The outbox's unique key: one message per sign-up and kind. A change of time or place is keyed
 * by the new time and room, so a second, different change is told too, but the same one never
 * twice; a staff notice by its own id.
 */
export function messageKey(registrationId: number | string, kind: MessageKind, variant?: string): string {
  return variant ? `${registrationId}:${kind}:${variant}` : `${registrationId}:${kind}`
}

export type MessageFacts = {
  centreName: string
  centrePhone?: string | null
  eventTitle: string
  start: string | Date
  room?: string | null
  /** thanks: the feedback page's address. */
  feedbackUrl?: string
  /** notice: what staff wrote. */
  notice?: string
}

/** The longest notice staff may write, so the whole message stays one or two SMS. */
export const NOTICE_MAX_LENGTH = 70

/** A staff notice is one short line of plain text; undefined when it is not. */
export function checkNotice(value: unknown): string | undefined {
  const checked = checkName(value, NOTICE_MAX_LENGTH)
  return checked.ok ? checked.value : undefined
}

/** The message text. Signed with the centre's name in 【】 as Chinese SMS are, its phone last. */
export function messageText(kind: MessageKind, facts: MessageFacts): string {
  const when = sessionTime(facts.start)
  const where = facts.room ? `，地点：${facts.room}` : ''
  const call = facts.centrePhone ? `如有疑问请致电${facts.centrePhone}。` : ''
  const title = `“${facts.eventTitle}”`
  const body: Record<MessageKind, string> = {
    promoted: `您候补的${title}已转为报名成功，时间${when}${where}。不能来请提前取消。`,
    cancelled: `很抱歉，${title}（${when}）已取消，您的报名随之取消。`,
    changed: `${title}有变动：现在时间${when}${where}。请按新安排前来。`,
    reminder: `提醒：您报名的${title}明天${when.split(' ').pop()}开始${where}。不能来请提前取消。`,
    thanks: `感谢参加${title}！请为这次活动打分：${facts.feedbackUrl ?? ''}`,
    notice: `${title}（${when}）通知：${(facts.notice ?? '').slice(0, NOTICE_MAX_LENGTH)}`,
  }
  return `【${facts.centreName}】${body[kind]}${call}`
}

/**
 * The day-before reminder is made from `reminderHour` (Shanghai) on the day before the activity,
 * for an activity that has not started.
 */
export function reminderDue(now: Date, activityStart: Date | string, reminderHour: number): boolean {
  const start = new Date(activityStart)
  if (start <= now) return false
  const tomorrow = shanghaiDay(new Date(now.getTime() + 24 * HOUR))
  return shanghaiDay(start) === tomorrow && shanghaiHour(now) >= reminderHour
}

/** The thank-you goes out after the activity ended, while it is fresh (within two days). */
export const THANKS_WITHIN_HOURS = 48
export function thanksDue(now: Date, activityEnd: Date | string): boolean {
  const end = new Date(activityEnd).getTime()
  return end <= now.getTime() && now.getTime() - end <= THANKS_WITHIN_HOURS * HOUR
}

/** Sign-ups that hear the reminder and the thank-you: those holding a seat. */
export const HOLDS_SEAT = ['confirmed', 'attended'] as const
export const holdsSeat = (status: string | null | undefined): boolean =>
  (HOLDS_SEAT as readonly string[]).includes(status ?? '')

/** Sending again after a failure: 1, 5, 30 minutes, then 2 hours; given up after five tries. */
const RETRY_MINUTES = [1, 5, 30, 120]
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1
export function retryAt(now: Date, attemptsSoFar: number): Date | undefined {
  const minutes = RETRY_MINUTES[attemptsSoFar - 1]
  return minutes === undefined ? undefined : new Date(now.getTime() + minutes * 60_000)
}

export type FeedbackVerdict = 'open' | 'not-yet' | 'not-eligible' | 'given'

/**
 * Who may rate an activity: a sign-up that held a seat (not a waiting or cancelled one), once the
 * activity has started, and only once.
 */
export function feedbackVerdict(
  signup: { status: string; alreadyGiven: boolean },
  activity: { start: string | Date; status?: string | null },
  now: Date,
): FeedbackVerdict {
  if (signup.alreadyGiven) return 'given'
  if (activity.status === 'cancelled' || !holdsSeat(signup.status)) return 'not-eligible'
  if (new Date(activity.start) > now) return 'not-yet'
  return 'open'
}

export const FEEDBACK_COMMENT_MAX = 300

/** Control and invisible characters (line breaks and tabs aside): they could hide text. */
const HIDDEN_OR_CONTROL = /[\p{Cf}\p{Co}\p{Cn}]|[^\P{Cc}\n\r\t]/u

export type FeedbackInput = { rating: number; comment: string }

/** A rating is a whole number 1–5; the comment is optional and short. */
export function checkFeedback(values: {
  rating?: unknown
  comment?: unknown
}): { ok: true; value: FeedbackInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const rating =
    typeof values.rating === 'string' && /^[1-5]$/.test(values.rating) ? Number(values.rating) : NaN
  if (!Number.isInteger(rating)) errors.rating = '请选择 1 到 5 颗星。'
  const comment = typeof values.comment === 'string' ? values.comment.trim() : ''
  if (comment.length > FEEDBACK_COMMENT_MAX) errors.comment = `意见请写在 ${FEEDBACK_COMMENT_MAX} 字以内。`
  if (HIDDEN_OR_CONTROL.test(comment)) errors.comment = '意见里有无法保存的字符。'
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { rating, comment } }
}

/** A half-year of feedback, as evaluations count periods: year*10 + 1 or 2 (cms/rules/rubric.ts). */
export function feedbackPeriod(at: Date | string): { year: number; half: 1 | 2; key: number } {
  const [year, month] = shanghaiDay(at).split('-').map(Number) as [number, number]
  const half = month <= 6 ? 1 : 2
  return { year, half, key: year * 10 + half }
}

/** The first and last instant of a half-year, in Shanghai time. */
export function periodBounds(year: number, half: 1 | 2): { from: Date; until: Date } {
  const from = Date.UTC(year, half === 1 ? 0 : 6, 1) - SHANGHAI_OFFSET
  const until = Date.UTC(half === 1 ? year : year + 1, half === 1 ? 6 : 0, 1) - SHANGHAI_OFFSET
  return { from: new Date(from), until: new Date(until) }
}

export type RatingSummary = { count: number; average: number | null }

/** The average to one decimal, as residents and assessors read it. */
export function summariseRatings(ratings: number[]): RatingSummary {
  if (ratings.length === 0) return { count: 0, average: null }
  const sum = ratings.reduce((total, rating) => total + rating, 0)
  return { count: ratings.length, average: Math.round((sum / ratings.length) * 10) / 10 }
}

/**
 * Whether a message still makes sense when its turn to go out comes: a reminder, thanks or
 * move-up message for a sign-up cancelled meanwhile does not; a cancellation always does.
 */
export function stillRelevant(kind: MessageKind, signupStatus: string | null | undefined): boolean {
  if (kind === 'cancelled') return true
  if (kind === 'changed' || kind === 'notice') return signupStatus !== 'cancelled'
  return holdsSeat(signupStatus)
}

/** A message claimed for sending this long ago without an outcome was cut off by a crash. */
export const SENDING_STALE_MINUTES = 5
