/**
 * `npm run check`: verifies every event's seats and waiting list and every project role's places
 * against the sign-ups themselves (cms/seats/check.ts), prints what is off, and exits non-zero if
 * anything is. Reads only; safe while the portal runs.
 */
import { checkSeats } from '../cms/seats/check'
import { openPayload } from './lib/database'
import { fail, say } from './lib/log'

try {
  const payload = await openPayload()
  const problems = await checkSeats(payload)
  for (const p of problems) say(`${p.what} ${p.id}: ${p.detail}`, 'error')
  say(
    problems.length === 0
      ? 'seats, waiting lists and volunteer places all agree with the sign-ups'
      : `${problems.length} problem(s) found`,
  )
  await payload.destroy()
  process.exit(problems.length === 0 ? 0 : 1)
} catch (error) {
  fail((error as Error).message)
}
