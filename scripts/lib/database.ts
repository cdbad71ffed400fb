/**
 * Getting the database ready before any server starts: reachable, migrated, seeded when new.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { getPayload, type Migration, type Payload } from 'payload'

import config from '../../cms/payload.config'
import { migrations } from '../../cms/migrations'
import { isDatabaseEmpty, seed } from '../../cms/seed'
import { database, dataDir } from '../../cms/settings'
import { say } from './log'
import { assertMongoReachable } from './mongo'

/**
 * The demo accounts' password: DEMO_PASSWORD when given, otherwise one generated on first use and
 * kept in data/.demo-password, so the demo needs no set-up and the password is never in git.
 */
export function demoPassword(): string {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD
  const file = path.join(dataDir, '.demo-password')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const password = `mulin-${randomBytes(5).toString('hex')}`
  writeFileSync(file, password, { mode: 0o600 })
  return password
}

export async function openPayload(): Promise<Payload> {
  if (database.kind === 'mongodb') await assertMongoReachable(database.url)
  return getPayload({ config })
}

/** Applies committed migrations that have not run yet (SQLite; MongoDB needs none). */
export async function migrate(payload: Payload): Promise<void> {
  if (database.kind !== 'sqlite') return
  // Generated migrations are typed for the SQLite adapter; Payload's interface is the generic one.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}

/**
 * A new embedded database gets the demo district and the demo staff accounts. A MongoDB
 * deployment is production: it is never seeded or given demo accounts without being asked.
 */
export async function seedIfEmpty(payload: Payload, contentDir?: string): Promise<boolean> {
  if (database.kind !== 'sqlite') return false
  if (!(await isDatabaseEmpty(payload))) return false
  say('new database: loading the demo district…')
  const report = await seed(payload, {
    demoAccounts: true,
    demoPassword: demoPassword(),
    contentDir,
    log: (line) => say(`  ${line}`),
  })
  say(
    `seeded: ${Object.entries(report)
      .map(([name, r]) => `${name} ${r.created}`)
      .join(', ')}`,
  )
  return true
}
