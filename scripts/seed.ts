/**
 * `npm run seed` loads content/ into the database (idempotent); `-- --reset` clears what the seed
 * manages first; `-- --demo-accounts` also creates the demo staff accounts on MongoDB.
 */
import { seed } from '../cms/seed'
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
  await payload.destroy()
  process.exit(0)
} catch (error) {
  fail((error as Error).message)
}
