/** Migrates the database and seeds a new embedded one. Run by `npm start` before the servers. */
import { migrate, openPayload, seedIfEmpty } from './lib/database'
import { fail, say } from './lib/log'

try {
  const payload = await openPayload()
  await migrate(payload)
  if (!(await seedIfEmpty(payload))) say('database ready (existing content kept)')
  await payload.destroy()
  process.exit(0)
} catch (error) {
  fail((error as Error).message)
}
