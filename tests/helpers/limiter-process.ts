/**
 * Another process counting form attempts on the same database (tests/integration/form-rate-limit.test.ts):
 * opens Payload on DATA_DIR, makes ATTEMPTS attempts at the sign-up form for ADDRESS with a limit
 * of LIMIT per minute, and prints how many were allowed as its last line.
 */
import { FormLimiter } from '../../cms/rate-limit/form-limiter'
import { openPayload } from '../../scripts/lib/database'

const payload = await openPayload()
const limiter = new FormLimiter(Number(process.env.LIMIT), 60_000)
const answers = await Promise.all(
  Array.from({ length: Number(process.env.ATTEMPTS) }, () =>
    limiter.allow(payload, 'signup', String(process.env.ADDRESS)),
  ),
)
console.log(JSON.stringify({ allowed: answers.filter(Boolean).length }))
await payload.destroy()
process.exit(0)
