/**
 * The same Payload on MongoDB, for a district's production set-up. No MongoDB server can run on
 * the development machines, so this file runs only when MONGODB_TEST_URL points at one.
 */
import { describe, expect, it } from 'vitest'

const url = process.env.MONGODB_TEST_URL

if (!url) {
  console.warn('SKIPPED: MongoDB tests (set MONGODB_TEST_URL=mongodb://… to run them against a real server)')
}

describe.skipIf(!url)('Payload on MongoDB', () => {
  it('chooses the MongoDB adapter, stores and reads a centre, and seeds idempotently', async () => {
    process.env.DATABASE_URL = url
    const { database } = await import('../../cms/settings')
    expect(database.kind).toBe('mongodb')
    const { openPayload } = await import('../../scripts/lib/database')
    const { seed } = await import('../../cms/seed')
    const payload = await openPayload()
    await seed(payload, { reset: true })
    const first = await payload.count({ collection: 'centres' })
    expect(first.totalDocs).toBeGreaterThan(0)
    const again = await seed(payload)
    expect(again.centres?.created).toBe(0)
    const publicView = await payload.find({ collection: 'centres', overrideAccess: false, locale: 'en' })
    expect(publicView.docs.map((c) => c.name)).toContain('Siping Road Neighbourhood Centre')
    await payload.destroy()
  })
})
