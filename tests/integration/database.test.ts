import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { isDatabaseEmpty, seed } from '../../cms/seed'
import { database } from '../../cms/settings'
import { seedIfEmpty } from '../../scripts/lib/database'
import { testPayload } from '../helpers/payload'
import { pendingSchemaChanges } from '../helpers/schema'

/** A few documents are enough here; seed-content.test.ts loads the whole demo. */
const SMALL_DISTRICT = path.resolve('tests/fixtures/content')

describe('the embedded database', () => {
  it('is a SQLite file in WAL mode with a busy timeout', async () => {
    const payload = await testPayload()
    expect(database.kind).toBe('sqlite')
    const client = payload.db.drizzle.$client
    const journal = await client.execute('PRAGMA journal_mode')
    expect(journal.rows[0]?.journal_mode).toBe('wal')
    const timeout = await client.execute('PRAGMA busy_timeout')
    expect(Number(Object.values(timeout.rows[0] ?? {})[0])).toBeGreaterThanOrEqual(5000)
  })

  it('has committed migrations that match the collections (run `npm run migrate:create` if not)', async () => {
    const payload = await testPayload()
    expect(await pendingSchemaChanges(payload)).toEqual([])
  })
})

describe('seeding the demo district', () => {
  it('fills a new database once, then leaves an existing one alone', async () => {
    const payload = await testPayload()
    expect(await isDatabaseEmpty(payload)).toBe(true)
    expect(await seedIfEmpty(payload, SMALL_DISTRICT)).toBe(true)
    const centres = await payload.count({ collection: 'centres' })
    expect(centres.totalDocs).toBeGreaterThan(0)

    // A restart on the same database must not seed again.
    expect(await isDatabaseEmpty(payload)).toBe(false)
    expect(await seedIfEmpty(payload, SMALL_DISTRICT)).toBe(false)
    expect((await payload.count({ collection: 'centres' })).totalDocs).toBe(centres.totalDocs)
  })

  it('is idempotent when run by hand, and keeps both languages', async () => {
    const payload = await testPayload()
    const report = await seed(payload, {
      contentDir: SMALL_DISTRICT,
      demoAccounts: true,
      demoPassword: 'another-password-1',
    })
    expect(report.centres?.created).toBe(0)
    expect(report.users?.created).toBe(0)

    const siping = await payload.find({
      collection: 'centres',
      where: { slug: { equals: 'siping-road' } },
      locale: 'all',
    })
    const name = siping.docs[0]?.name as unknown as { zh: string; en: string }
    expect(name.zh).toBe('四平路街道睦邻中心')
    expect(name.en).toBe('Siping Road Neighbourhood Centre')
  })

  it('publishes seeded centres so the public can read them', async () => {
    const payload = await testPayload()
    const publicView = await payload.find({ collection: 'centres', overrideAccess: false, limit: 100 })
    const all = await payload.count({ collection: 'centres' })
    expect(publicView.totalDocs).toBe(all.totalDocs)
  })

  it('gives the demo staff accounts the password from DEMO_PASSWORD', async () => {
    const payload = await testPayload()
    await seed(payload, { contentDir: SMALL_DISTRICT, demoAccounts: true, demoPassword: 'test-password-123' })
    const login = await payload.login({
      collection: 'users',
      data: { email: 'siping@mulin.demo', password: 'test-password-123' },
    })
    expect(login.user?.roles).toEqual(['centre-staff'])
    await expect(
      payload.login({
        collection: 'users',
        data: { email: 'siping@mulin.demo', password: 'wrong-password' },
      }),
    ).rejects.toThrow()
  })
})
