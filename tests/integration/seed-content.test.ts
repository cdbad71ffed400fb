/**
 * The demo district is rich enough to feel real, as the content-model issue asks, and seeding is
 * idempotent. Loads the whole of content/ once.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { checkSeats } from '../../cms/seats/check'
import { seed, type SeedReport } from '../../cms/seed'
import { seedLargeDataSet } from '../../cms/seed/large'
import { testPayload } from '../helpers/payload'

const now = new Date()
const DAY = 24 * 3600 * 1000
let first: SeedReport

beforeAll(async () => {
  const payload = await testPayload()
  first = await seed(payload, { demoAccounts: true, demoPassword: 'test-password-123', now })
}, 600_000)

describe('the seeded demo district', () => {
  it('has the sub-districts of Yangpu and towns of Minhang, and at least 30 centres placed inside them', async () => {
    const payload = await testPayload()
    const subDistricts = await payload.find({ collection: 'sub-districts', limit: 100 })
    expect(subDistricts.docs.filter((s) => s.district === 'yangpu')).toHaveLength(12)
    expect(subDistricts.docs.filter((s) => s.district === 'minhang').length).toBeGreaterThanOrEqual(3)

    const centres = await payload.find({ collection: 'centres', limit: 500, depth: 1 })
    expect(centres.totalDocs).toBeGreaterThanOrEqual(30)
    for (const centre of centres.docs) {
      const district = typeof centre.subDistrict === 'object' ? centre.subDistrict?.district : undefined
      const [latMin, latMax, lngMin, lngMax] =
        district === 'yangpu' ? [31.24, 31.35, 121.48, 121.57] : [30.99, 31.19, 121.32, 121.51]
      expect(centre.latitude, centre.slug).toBeGreaterThanOrEqual(latMin)
      expect(centre.latitude, centre.slug).toBeLessThanOrEqual(latMax)
      expect(centre.longitude, centre.slug).toBeGreaterThanOrEqual(lngMin)
      expect(centre.longitude, centre.slug).toBeLessThanOrEqual(lngMax)
      expect(centre.services?.length, centre.slug).toBeGreaterThan(2)
      expect(centre.rooms?.length, centre.slug).toBeGreaterThan(1)
      expect(centre.openingHours?.length, centre.slug).toBeGreaterThan(0)
    }
    // Profiles are distinct, not one template copied.
    expect(new Set(centres.docs.map((c) => c.summary)).size).toBe(centres.totalDocs)
  })

  it('has four published evaluation periods in which the number of five-star centres grows', async () => {
    const payload = await testPayload()
    const evaluations = await payload.find({
      collection: 'evaluations',
      where: { published: { equals: true } },
      limit: 0,
      pagination: false,
    })
    const fiveStarsByPeriod = new Map<number, number>()
    for (const evaluation of evaluations.docs) {
      const key = evaluation.periodKey!
      fiveStarsByPeriod.set(key, (fiveStarsByPeriod.get(key) ?? 0) + (evaluation.stars === 5 ? 1 : 0))
    }
    const periods = [...fiveStarsByPeriod.keys()].sort()
    expect(periods.length).toBeGreaterThanOrEqual(4)
    const counts = periods.map((period) => fiveStarsByPeriod.get(period)!)
    for (let i = 1; i < counts.length; i += 1) expect(counts[i]).toBeGreaterThan(counts[i - 1]!)
  })

  it('has at least 80 events over the coming eight weeks, with weekly series and nearly full ones', async () => {
    const payload = await testPayload()
    const events = await payload.find({
      collection: 'events',
      where: {
        start: {
          greater_than_equal: new Date(now.getTime() - DAY).toISOString(),
          less_than: new Date(now.getTime() + 57 * DAY).toISOString(),
        },
      },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    expect(events.totalDocs).toBeGreaterThanOrEqual(80)
    // Titles are Chinese in Chinese (English is kept apart, in its own locale).
    expect(
      events.docs.every((e) => /[\u4e00-\u9fff]/.test(e.title)),
      'Chinese event titles',
    ).toBe(true)
    expect(events.docs.filter((e) => e.series).length).toBeGreaterThanOrEqual(20)
    const nearlyFull = events.docs.filter(
      (e) => e.capacity - (e.seatsTaken ?? 0) <= 2 && (e.seatsTaken ?? 0) > 0,
    )
    expect(nearlyFull.length).toBeGreaterThanOrEqual(5)
    // Seat counts match the sign-ups behind them (those who came still hold their seat: the
    // window starts a day back, so the sample may have ended and its people been checked in).
    const sample = nearlyFull[0]!
    const signUps = await payload.find({
      collection: 'registrations',
      where: { event: { equals: sample.id }, status: { in: ['confirmed', 'attended'] } },
      limit: 0,
      pagination: false,
    })
    expect(signUps.docs.reduce((sum, r) => sum + r.partySize, 0)).toBe(sample.seatsTaken)
  })

  it('has events held over the last six months, with the sign-ups checked in at the door', async () => {
    const payload = await testPayload()
    const held = await payload.find({
      collection: 'events',
      where: {
        start: {
          greater_than_equal: new Date(now.getTime() - 183 * DAY).toISOString(),
          less_than: now.toISOString(),
        },
      },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    // Every one of the last six months had something on.
    const shanghaiDay = (instant: string) =>
      new Date(new Date(instant).getTime() + 8 * 3600e3).toISOString().slice(0, 10)
    const months = new Set(held.docs.map((e) => shanghaiDay(e.start).slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(6)
    const signUps = await payload.find({
      collection: 'registrations',
      where: { event: { in: held.docs.map((e) => e.id) } },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const attended = signUps.docs.filter((r) => r.status === 'attended')
    expect(attended.length).toBeGreaterThan(300)
    // Some signed up and stayed away, as happens; check-in was on the day.
    expect(signUps.docs.filter((r) => r.status === 'confirmed').length).toBeGreaterThan(0)
    const dayOf = new Map(held.docs.map((e) => [e.id, shanghaiDay(e.start)]))
    for (const r of attended) expect(shanghaiDay(r.checkedInAt!)).toBe(dayOf.get(r.event as number))
    // Those of events over for longer than the retention period are anonymised, as the nightly job
    // leaves them; recent ones keep their details for the centre.
    const monthAgo = now.getTime() - 31 * DAY
    const old = signUps.docs.filter(
      (r) => new Date(held.docs.find((e) => e.id === r.event)!.end).getTime() < monthAgo,
    )
    expect(old.length).toBeGreaterThan(0)
    expect(old.every((r) => r.phone === '' && r.anonymisedAt)).toBe(true)
    const recent = signUps.docs.filter(
      (r) => new Date(held.docs.find((e) => e.id === r.event)!.start).getTime() > now.getTime() - 20 * DAY,
    )
    expect(recent.length).toBeGreaterThan(0)
    expect(recent.every((r) => /^1\d{10}$/.test(r.phone ?? ''))).toBe(true)
    // Each held event's seat count is its confirmed and attended sign-ups, within its capacity.
    for (const event of held.docs) {
      const seats = signUps.docs.filter((r) => r.event === event.id).reduce((sum, r) => sum + r.partySize, 0)
      expect(event.seatsTaken, event.seedKey ?? '').toBe(seats)
      expect(seats).toBeLessThanOrEqual(event.capacity)
    }
  })

  it('has at least 30 conventions of every type, with numbered articles and adoption records', async () => {
    const payload = await testPayload()
    const conventions = await payload.find({
      collection: 'conventions',
      limit: 0,
      pagination: false,
      draft: true,
    })
    expect(conventions.totalDocs).toBeGreaterThanOrEqual(30)
    for (const type of ['residents', 'household', 'building', 'public-order', 'owners']) {
      expect(conventions.docs.filter((c) => c.type === type).length, type).toBeGreaterThan(0)
    }
    const adopted = conventions.docs.filter((c) => c.status === 'adopted')
    expect(adopted.every((c) => (c.articles?.length ?? 0) > 1 && (c.adoption?.length ?? 0) > 0)).toBe(true)
  })

  it('has at least 20 projects in every status, and a year’s top ten', async () => {
    const payload = await testPayload()
    const projects = await payload.find({ collection: 'projects', limit: 0, pagination: false })
    expect(projects.totalDocs).toBeGreaterThanOrEqual(20)
    for (const status of ['open', 'claimed', 'in-progress', 'completed']) {
      expect(projects.docs.filter((p) => p.status === status).length, status).toBeGreaterThan(0)
    }
    const byYear = new Map<number, number>()
    for (const project of projects.docs)
      for (const award of project.awards ?? []) byYear.set(award.year, (byYear.get(award.year) ?? 0) + 1)
    expect([...byYear.values()]).toContain(10)
  })

  it('has at least six case studies in Chinese and English', async () => {
    const payload = await testPayload()
    const zh = await payload.find({ collection: 'case-studies', locale: 'zh', limit: 100 })
    const en = await payload.find({
      collection: 'case-studies',
      locale: 'en',
      fallbackLocale: false,
      limit: 100,
    })
    expect(zh.totalDocs).toBeGreaterThanOrEqual(6)
    for (const study of en.docs) {
      expect(study.title, study.slug).toMatch(/[A-Za-z]/)
      expect(study.title).not.toBe(zh.docs.find((d) => d.id === study.id)?.title)
      expect(study.keyFigures?.length, study.slug).toBeGreaterThan(0)
    }
  })

  it('has visit requests, the site settings and the demo staff accounts', async () => {
    const payload = await testPayload()
    expect((await payload.count({ collection: 'visit-requests' })).totalDocs).toBeGreaterThanOrEqual(3)
    const site = await payload.findGlobal({ slug: 'site', locale: 'en' })
    expect(site.headlineFigures?.length).toBeGreaterThan(2)
    const users = await payload.find({ collection: 'users', limit: 10 })
    expect(users.docs.map((u) => u.email).sort()).toEqual([
      'district@mulin.demo',
      'siping@mulin.demo',
      'yanji@mulin.demo',
    ])
  })

  it('changes nothing when seeded again', async () => {
    const payload = await testPayload()
    expect(Object.values(first).reduce((sum, r) => sum + r.created, 0)).toBeGreaterThan(100)
    const signUpsBefore = (await payload.count({ collection: 'registrations' })).totalDocs
    const again = await seed(payload, { demoAccounts: true, demoPassword: 'test-password-123', now })
    for (const [collection, counts] of Object.entries(again)) expect(counts.created, collection).toBe(0)
    // Demo sign-ups are added only with a new event, so they are not doubled either.
    expect((await payload.count({ collection: 'registrations' })).totalDocs).toBe(signUpsBefore)
  }, 600_000)

  it('starts over with --reset, taking residents’ volunteer and claim offers with the projects', async () => {
    const payload = await testPayload()
    const project = (
      await payload.find({
        collection: 'projects',
        where: { status: { equals: 'open' } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    await payload.create({
      collection: 'project-claims',
      data: {
        project: project.id,
        organisation: '某公司',
        contactName: '赵经理',
        phone: '13800001111',
        offer: '场地',
      } as never,
    })
    await seed(payload, { reset: true, now })
    expect((await payload.count({ collection: 'project-claims' })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'projects' })).totalDocs).toBe(first.projects!.created)
  }, 600_000)
})

describe('the large data set (npm run seed -- --large), made smaller here', () => {
  it('adds events and sign-ups that obey the seat rules, readable as Payload wrote them, once', async () => {
    const payload = await testPayload()
    const eventsBefore = (await payload.count({ collection: 'events' })).totalDocs
    const attendedWhere = { status: { equals: 'attended' } } as const
    const attendedBefore = (await payload.count({ collection: 'registrations', where: attendedWhere }))
      .totalDocs
    const added = await seedLargeDataSet(payload, { events: 400, signups: 4_000, now })
    expect(added).toMatchObject({ events: 400, signups: 4_000 })
    if ('already' in added) return

    // `npm run check`: seats, waiting lists and one sign-up per number agree with the rows.
    expect(await checkSeats(payload, now)).toEqual([])
    // Published as the site and the admin read them: the public find, and the drafts' table.
    const published = await payload.find({
      collection: 'events',
      where: { seedKey: { like: 'large:' } },
      limit: 1,
      overrideAccess: false,
      draft: false,
    })
    expect(published.totalDocs).toBe(400)
    expect(published.docs[0]!.title).toBeTruthy()
    const inAdmin = await payload.find({
      collection: 'events',
      where: { seedKey: { like: 'large:' } },
      limit: 1,
      draft: true,
    })
    expect(inAdmin.totalDocs).toBe(400)
    expect((await payload.count({ collection: 'events' })).totalDocs).toBe(eventsBefore + 400)

    // The busy event is full with a queue; past events have people who came; old ones are anonymised.
    const busy = await payload.findByID({ collection: 'events', id: added.busyEventId, depth: 0 })
    expect(busy.seatsTaken).toBe(busy.capacity)
    expect(busy.waitingCount).toBeGreaterThan(0)
    const attended = await payload.count({ collection: 'registrations', where: attendedWhere })
    expect(attended.totalDocs - attendedBefore).toBeGreaterThan(500)
    const wiped = await payload.count({
      collection: 'registrations',
      where: { and: [{ anonymisedAt: { exists: true } }, { phone: { not_equals: '' } }] },
    })
    expect(wiped.totalDocs).toBe(0)

    expect(await seedLargeDataSet(payload, { events: 400, signups: 4_000, now })).toEqual({ already: true })
  }, 300_000)
})
