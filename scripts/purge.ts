/**
 * `npm run purge`: anonymises the names and phone numbers whose retention period has passed (the
 * same work the CMS does every night), and says how many it wiped. `-- --days N` overrides
 * PERSONAL_DATA_RETENTION_DAYS for this run.
 */
import { anonymisePersonalData } from '../cms/jobs/anonymise-personal-data'
import { retentionDays } from '../cms/settings'
import { migrate, openPayload } from './lib/database'
import { fail, say } from './lib/log'

const args = process.argv.slice(2)
const daysArg = args.indexOf('--days')
const days = daysArg === -1 ? retentionDays : Number(args[daysArg + 1])
try {
  if (!Number.isInteger(days) || days < 0) throw new Error('--days needs a whole number of days')
  const payload = await openPayload()
  await migrate(payload)
  const counts = await anonymisePersonalData(payload, { days })
  say(
    `anonymised personal data older than ${days} days after the event or project ended: ` +
      `${counts.registrations} sign-ups, ${counts.volunteers} volunteers, ${counts.claims} claim contacts, ` +
      `${counts.visitRequests} visit contacts, ${counts.messages} messages`,
  )
  await payload.destroy()
  process.exit(0)
} catch (error) {
  fail((error as Error).message)
}
