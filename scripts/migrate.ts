/**
 * `npm run migrate`: applies the committed migrations that have not run yet, and nothing else (no
 * seeding, no servers). The first step of an upgrade (README, "Upgrading"); `npm start` does the
 * same before it starts the servers. MongoDB needs no migrations.
 */
import { migrate, openPayload } from './lib/database'
import { fail, say } from './lib/log'
import { database } from '../cms/settings'

try {
  const payload = await openPayload()
  await migrate(payload)
  say(
    database.kind === 'sqlite'
      ? 'migrations applied; the database is up to date'
      : 'MongoDB needs no migrations',
  )
  await payload.destroy()
  process.exit(0)
} catch (error) {
  fail((error as Error).message)
}
