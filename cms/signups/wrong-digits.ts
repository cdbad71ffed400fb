/**
 * Counting wrong digits for a sign-up's code (cms/rules/lookup-attempts.ts) in the database
 * (Payload's key-value store), so every server and address shares the count. Checks of one code
 * run one after another in this process, so parallel guesses cannot all read the same count.
 */
import type { Payload } from 'payload'

import { isBlocked, lookupKey } from '../rules/lookup-attempts'

const queues = new Map<string, Promise<unknown>>()

export type DigitsVerdict = 'right' | 'wrong' | 'blocked'

export function checkDigits(payload: Payload, code: string, right: () => boolean): Promise<DigitsVerdict> {
  const key = lookupKey(code)
  const run = async (): Promise<DigitsVerdict> => {
    const failures = Number((await payload.kv.get<{ failures?: number }>(key))?.failures ?? 0)
    if (isBlocked(failures)) return 'blocked'
    if (right()) return 'right'
    await payload.kv.set(key, { failures: failures + 1 })
    return 'wrong'
  }
  const previous = queues.get(key) ?? Promise.resolve()
  const next = previous.then(run, run)
  queues.set(key, next)
  void next.finally(() => {
    if (queues.get(key) === next) queues.delete(key)
  })
  return next
}
