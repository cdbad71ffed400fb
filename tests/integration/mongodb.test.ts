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

  it('never oversells: concurrent sign-ups, identical submissions and role places through the guarded updates', async () => {
    process.env.DATABASE_URL = url
    const { openPayload } = await import('../../scripts/lib/database')
    const { signUp } = await import('../../cms/signups/event-signups')
    const { volunteer } = await import('../../cms/signups/project-signups')
    const payload = await openPayload()
    const centre = (await payload.find({ collection: 'centres', limit: 1, depth: 0 })).docs[0]!
    const start = new Date(Date.now() + 7 * 86_400_000)
    const event = await payload.create({
      collection: 'events',
      data: {
        title: `MongoDB 并发测试 ${Date.now()}`,
        centre: centre.id,
        category: 'culture',
        start: start.toISOString(),
        end: new Date(start.getTime() + 3600_000).toISOString(),
        capacity: 10,
        maxPartySize: 1,
        waitingList: true,
        _status: 'published',
      } as never,
    })
    const person = (n: number) => ({
      name: `居民${n}`,
      phone: `139${String(n).padStart(8, '0')}`,
      consent: true,
    })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signUp(payload, event.id, person(i))),
    )
    expect(results.filter((r) => r.ok && r.value.status === 'confirmed')).toHaveLength(10)
    expect(results.filter((r) => r.ok && r.value.status === 'waiting')).toHaveLength(30)
    const taps = await Promise.all(Array.from({ length: 8 }, () => signUp(payload, event.id, person(99))))
    expect(new Set(taps.map((r) => (r.ok ? r.value.code : 'refused'))).size).toBe(1)
    const row = await payload.findByID({ collection: 'events', id: event.id, depth: 0 })
    expect([row.seatsTaken, row.waitingCount]).toEqual([10, 31])

    const project = await payload.create({
      collection: 'projects',
      data: {
        title: `MongoDB 志愿测试 ${Date.now()}`,
        slug: `mongo-${Date.now()}`,
        kind: 'public-benefit',
        status: 'open',
        centre: centre.id,
        volunteerRoles: [{ name: '配送', needed: 3 }],
        _status: 'published',
      } as never,
    })
    const roleId = project.volunteerRoles![0]!.id!
    const offers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => volunteer(payload, project.id, { roleId, ...person(200 + i) })),
    )
    expect(offers.filter((r) => r.ok)).toHaveLength(3)
    await payload.destroy()
  })
})
