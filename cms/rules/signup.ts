/**
 * When and what a resident may sign up for, in one place for the event page, the sign-up form,
 * the REST endpoint and the admin.
 */
import { normaliseMobile } from './confirmation-code'

export type SignupEvent = {
  status?: string | null
  start: string
  end: string
  capacity: number
  seatsTaken?: number | null
  waitingCount?: number | null
  waitingList?: boolean | null
  maxPartySize?: number | null
  signupOpens?: string | null
  signupCloses?: string | null
}

/** Where sign-up stands, in the order a resident would ask: is it on, is it over, can I sign up yet, still, is there a seat. */
export type SignupState =
  'cancelled' | 'past' | 'running' | 'not-open' | 'closed' | 'open' | 'waiting' | 'full'

/**
 * Seats a newcomer could take now: what a list, the event page and the API all show. None while
 * anyone is waiting, even if a seat is momentarily free: the people waiting come first (a larger
 * party at the head of the queue may be waiting for more seats to come free).
 */
export const seatsLeft = (event: Pick<SignupEvent, 'capacity' | 'seatsTaken' | 'waitingCount'>): number =>
  (event.waitingCount ?? 0) > 0 ? 0 : Math.max(0, event.capacity - (event.seatsTaken ?? 0))

export function signupState(event: SignupEvent, now = new Date()): SignupState {
  if (event.status === 'cancelled') return 'cancelled'
  if (new Date(event.end) <= now) return 'past'
  if (new Date(event.start) <= now) return 'running'
  if (event.signupOpens && new Date(event.signupOpens) > now) return 'not-open'
  if (event.signupCloses && new Date(event.signupCloses) <= now) return 'closed'
  // Someone already waiting is ahead of any newcomer, even if a seat is momentarily free.
  if (seatsLeft(event) > 0) return 'open'
  return event.waitingList ? 'waiting' : 'full'
}

export const acceptsSignups = (state: SignupState): boolean => state === 'open' || state === 'waiting'

/** Why a sign-up is refused in each state that refuses it. */
export const REFUSED: Record<
  Exclude<SignupState, 'open' | 'waiting'>,
  { zh: string; en: string; status: number }
> = {
  cancelled: { zh: '这场活动已取消，不再接受报名。', en: 'This event has been cancelled.', status: 409 },
  past: { zh: '这场活动已经结束。', en: 'This event is over.', status: 409 },
  running: { zh: '活动已经开始，报名已截止。', en: 'The event has started; sign-up is closed.', status: 409 },
  'not-open': { zh: '报名还没有开始。', en: 'Sign-up has not opened yet.', status: 409 },
  closed: { zh: '报名已经截止。', en: 'Sign-up has closed.', status: 409 },
  full: {
    zh: '名额已满，这场活动不设候补。',
    en: 'All seats are taken and this event keeps no waiting list.',
    status: 409,
  },
}

export type SignupInput = { name?: unknown; phone?: unknown; partySize?: unknown; consent?: unknown }
export type CleanSignup = { name: string; phone: string; partySize: number; consent: true }
type Message = { zh: string; en: string }
export type SignupErrors = Partial<Record<'name' | 'phone' | 'partySize' | 'consent', Message>>

/** Checks a resident's sign-up as typed; the cleaned values, or a message per field. */
export function checkSignup(
  input: SignupInput,
  maxPartySize: number,
): { ok: true; value: CleanSignup } | { ok: false; errors: SignupErrors } {
  const errors: SignupErrors = {}
  const name = typeof input.name === 'string' ? input.name.trim().replace(/\s+/g, ' ') : ''
  if (!name) errors.name = { zh: '请填写姓名。', en: 'Please enter your name.' }
  else if (name.length > 40) errors.name = { zh: '姓名最多 40 个字。', en: 'At most 40 characters.' }

  const phone = typeof input.phone === 'string' ? normaliseMobile(input.phone) : null
  if (!phone) {
    errors.phone = {
      zh: '请填写 11 位手机号码，例如 139 1234 5678。',
      en: 'Enter an 11-digit mainland mobile number, e.g. 139 1234 5678.',
    }
  }

  const raw = input.partySize === undefined || input.partySize === '' ? 1 : Number(input.partySize)
  const partySize = Number.isInteger(raw) ? raw : NaN
  if (!(partySize >= 1 && partySize <= maxPartySize)) {
    errors.partySize =
      maxPartySize === 1
        ? { zh: '这个活动每次只能报名 1 人。', en: 'One person per sign-up for this event.' }
        : {
            zh: `人数请填 1 到 ${maxPartySize} 之间的数字（含本人）。`,
            en: `Enter a number from 1 to ${maxPartySize} (including yourself).`,
          }
  }

  const consent =
    input.consent === true || input.consent === 'on' || input.consent === 'true' || input.consent === 'yes'
  if (!consent) {
    errors.consent = {
      zh: '请阅读并勾选同意隐私说明，否则无法报名。',
      en: 'Please read and accept the privacy notice.',
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { name, phone: phone!, partySize, consent: true } }
}

/** What a look-up accepts as the number: its last four digits, or the whole 11 (spaces and dashes allowed). */
export function isLookUpDigits(typed: string): boolean {
  const digits = typed.replace(/[\s-]/g, '')
  return /^\d{4}$/.test(digits) || /^\d{11}$/.test(digits)
}

/** The last four digits of a mobile number, as the look-up asks for them. */
export function matchesLastFour(phone: string | null | undefined, typed: string): boolean {
  if (!phone || !isLookUpDigits(typed)) return false
  const digits = typed.replace(/\D/g, '')
  // The full number is accepted too, from the API or from people who type it all.
  return digits.length === 4 ? phone.endsWith(digits) : digits.length === 11 && digits === phone
}

/** What the privacy notice says; the same words on every form that asks for a name and number. */
export const PRIVACY_NOTICE = (days: number) => ({
  zh: `我们只保存您的姓名和手机号码，用于这次报名：确认名额、活动有变时通知您、签到。只有主办中心的工作人员能看到。活动结束 ${days} 天后，姓名和号码会被自动删除，只留下人数用于统计。`,
  en: `We keep only your name and mobile number, for this sign-up: to hold your seat, tell you of changes and check you in. Only the host centre's staff can see them. ${days} days after the event they are deleted automatically; only the head count is kept for statistics.`,
})

/** The same promise for volunteering on a project. */
export const VOLUNTEER_PRIVACY_NOTICE = (days: number) => ({
  zh: `我们只保存您的姓名和手机号码，用于这次志愿报名：中心工作人员打电话和您商量岗位安排。只有主办中心的工作人员能看到。项目结束 ${days} 天后，姓名和号码会被自动删除，只留下人数用于统计。`,
  en: `We keep only your name and mobile number, for this offer to volunteer: the centre's staff will ring you to arrange it. Only they can see them. ${days} days after the project ends they are deleted automatically; only the head count is kept.`,
})
