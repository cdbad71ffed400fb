/**
 * `npm run seed` loads content/ into the database (idempotent); `-- --reset` clears what the seed
 * manages first; `-- --demo-accounts` also creates the demo staff accounts on MongoDB; `-- --large`
 * then adds the large data set (cms/seed/large.ts: 10,000 events, 100,000 sign-ups) once.
 */
import { seed } from '../cms/seed'
import { seedLargeDataSet } from '../cms/seed/large'
import { database } from '../cms/settings'
import { demoPassword, migrate, openPayload } from './lib/database'
import { fail, say } from './lib/log'

const args = new Set(process.argv.slice(2))
try {
  const payload = await openPayload()
  await migrate(payload)
  const demoAccounts = database.kind === 'sqlite' || args.has('--demo-accounts')
  const report = await seed(payload, {
    reset: args.has('--reset'),
    demoAccounts,
    demoPassword: demoAccounts ? demoPassword() : undefined,
    log: (line) => say(line),
  })
  for (const [collection, { created, updated }] of Object.entries(report)) {
    say(`${collection}: ${created} created, ${updated} updated`)
  }
  if (args.has('--large')) {
    const started = Date.now()
    const large = await seedLargeDataSet(payload)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if ('already' in large) say('large data set: already there')
    else
      say(
        `large data set: ${large.events} events, ${large.signups} sign-ups in ${seconds} s ` +
          `(the busy event: /events/${large.busyEventId})`,
      )
  }
  await payload.destroy()
  process.exit(0)
} catch (error) {
  fail((error as Error).message)
}
