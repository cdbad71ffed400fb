/**
 * The JSON answers of the sign-up endpoints, in one place for Payload's endpoint
 * (cms/signups/endpoints.ts) and the CMS server's direct route for the busiest of them
 * (cms/signups/fast-register.ts), so a kiosk gets the same answer whichever served it.
 */
import { TOO_MANY_ATTEMPTS } from '../rules/rate-limit'
import type { Outcome, SignupView } from './event-signups'

export type Answer = { status: number; body: unknown; headers?: Record<string, string> }

export function refusalAnswer(outcome: Extract<Outcome<unknown>, { ok: false }>): Answer {
  const { message, status, errors } = outcome
  return {
    status,
    body: { message: `${message.zh} / ${message.en}`, ...message, errors },
    // Busy, nothing saved: when to try again.
    headers: status === 503 ? { 'Retry-After': '5' } : undefined,
  }
}

/** A sign-up's answer: 201 when created, 200 when the same number had already signed up. */
export function signupAnswer(outcome: Outcome<SignupView & { created: boolean }>): Answer {
  if (!outcome.ok) return refusalAnswer(outcome)
  const { code, status, position, created, partySize } = outcome.value
  return {
    status: created ? 201 : 200,
    body: { code, status, ...(position ? { position } : {}), partySize, created },
  }
}

export const LIMITED = {
  message: `${TOO_MANY_ATTEMPTS.zh} / ${TOO_MANY_ATTEMPTS.en}`,
  ...TOO_MANY_ATTEMPTS,
}
