/**
 * Throttles logins (REST, GraphQL and the admin alike: all go through Payload's login
 * operation) by cms/rules/login-throttle.ts. Every attempt is counted as a failure before it runs;
 * a successful one takes its count back.
 */
import type { CollectionAfterLoginHook, CollectionBeforeOperationHook } from 'payload'

import { addressOf } from '../rules/client-address'
import { LoginThrottle, TOO_MANY_LOGINS } from '../rules/login-throttle'
import { refusal } from '../rules/refusal'

const throttle = new LoginThrottle()

const emailOf = (data: unknown): string => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email : ''
}

export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const email = emailOf((args as { data?: unknown }).data)
  const address = addressOf(req.headers)
  const verdict = throttle.check(email, address)
  if (!verdict.allow) {
    req.responseHeaders = new Headers({ 'Retry-After': String(verdict.retryAfterSeconds) })
    throw refusal(TOO_MANY_LOGINS, 429)
  }
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs))
  throttle.failed(email, address)
  return args
}

export const loginSucceeded: CollectionAfterLoginHook = ({ req, user }) => {
  if (req.payloadAPI === 'local') return
  throttle.succeeded(String((user as { email?: string }).email ?? ''), addressOf(req.headers))
}
