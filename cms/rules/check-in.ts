/**
 * Whether a confirmation code may be checked in at the door now: only on the day of its session
 * and only by the staff of the centre holding it. A weekly class has one code per session, so a
 * code for next week's session shown today is refused instead of silently counted.
 */
import type { Bilingual } from './refusal'
import { sessionTime, shanghaiDay } from './shanghai-time'

type Id = number | string

export type CheckInSession = {
  title: string
  start: string
  end?: string | null
  centre: Id
  centreName?: string
}

/** The door's staff: their centres, or `'all'` for the district. */
export type CheckInDoor = { centres: Id[] | 'all'; now: Date }

export type CheckInVerdict =
  { ok: true } | { ok: false; reason: 'other-centre' | 'other-day'; message: Bilingual }

export function checkInVerdict(session: CheckInSession, door: CheckInDoor): CheckInVerdict {
  const when = sessionTime(session.start, 'zh')
  const whenEn = sessionTime(session.start, 'en')
  if (door.centres !== 'all' && !door.centres.some((id) => String(id) === String(session.centre))) {
    const where = session.centreName ? `“${session.centreName}”` : '另一个中心'
    return {
      ok: false,
      reason: 'other-centre',
      message: {
        zh: `不能签到：这是${where}的活动“${session.title}”（${when}），不是本中心的。`,
        en: `Not checked in: “${session.title}” (${whenEn}) is held by ${session.centreName ?? 'another centre'}, not yours.`,
      },
    }
  }
  const today = shanghaiDay(door.now)
  const first = shanghaiDay(session.start)
  // An event over several days may be checked in on any of them.
  const last = session.end ? shanghaiDay(session.end) : first
  if (today < first || today > last) {
    return {
      ok: false,
      reason: 'other-day',
      message: {
        zh: `不能签到：这个确认码是 ${when} 的“${session.title}”，不是今天的活动。`,
        en: `Not checked in: this code is for “${session.title}” on ${whenEn}, not today.`,
      },
    }
  }
  return { ok: true }
}

/**
 * A resident's name as the door shows it, readable by the person it belongs to but not by the
 * queue behind them: the first character, and the last when the name is long enough.
 */
export function maskedName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`
}
