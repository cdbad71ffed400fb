/**
 * A sign-up's code with the last four digits of the phone number lets a resident look the
 * sign-up up and cancel it. Four digits are quick to guess, so after MAX_WRONG_DIGITS wrong tries
 * (from any address, counted in the database) the code no longer answers to digits: the resident
 * asks the centre, whose staff can still act for them.
 */
export const MAX_WRONG_DIGITS = 5

export const lookupKey = (code: string): string => `lookup-failures:${code}`

export const isBlocked = (failures: number): boolean => failures >= MAX_WRONG_DIGITS

export const BLOCKED_MESSAGE = {
  zh: '手机号码后四位输错次数太多，这个确认码已不能在网上查询或取消。请直接联系举办活动的中心。',
  en: 'Too many wrong digits were entered for this code, so it can no longer be looked up or cancelled online. Please contact the centre holding the event.',
}
