/**
 * The district figures page (/figures) shows numbers counted from the CMS, never typed in: every
 * number districtFigures returns is checked here against a count taken separately through
 * Payload's Local API, on a small district with drafts, unpublished evaluations, a hidden centre,
 * a cancelled event and sign-ups in every status mixed in, so that only public content counts.
 */
import path from 'node:path'

import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../cms/seed'
import { CONVENTION_TOPICS, PROJECT_KINDS, PROJECT_STATUSES } from '../../cms/vocabulary'
import { type DistrictFigures, districtFigures } from '../../src/lib/content/figures'
import { makeCentre, makeEvent, scores } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

const SMALL_DISTRICT = path.resolve('tests/fixtures/content')
const DAY = 24 * 3600 * 1000
const now = new Date()
let payload: Payload
let ids: { siping: number; yanji: number; hidden: number; neighbourhood: number }
const REGISTRANT = '测试报名人甲'

const published = { _status: { equals: 'published' } } satisfies Where

/** 'YYYY-MM' of an instant in Shanghai. */
const monthKey = (instant: Date) => new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7)

/** The first day of a 'YYYY-MM' month and of the next, at midnight in Shanghai. */
function monthBounds(month: string): [string, string] {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
  return [
    new Date(`${month}-01T00:00:00+08:00`).toISOString(),
    new Date(`${next}-01T00:00:00+08:00`).toISOString(),
  ]
}

async function evaluate(centre: number, year: number, half: '1' | '2', total: number, isPublished = true) {
  const each = total / 5
  return payload.create({
    collection: 'evaluations',
    data: { centre, year, half, scores: scores(each, each, each, each, each), published: isPublished },
  })
}

async function project(kind: string, status: string, draft = false) {
  return payload.create({
    collection: 'projects',
    data: {
      title: `测试项目 ${kind} ${status} ${Math.random()}`,
      slug: `p-${Math.random().toString(36).slice(2)}`,
      kind,
      status,
      centre: ids.siping,
      _status: draft ? 'draft' : 'published',
    } as never,
    draft,
  })
}

async function convention(topics: string[], draft = false, status = 'adopted') {
  return payload.create({
    collection: 'conventions',
    data: {
      title: `测试公约 ${Math.random()}`,
      slug: `cv-${Math.random().toString(36).slice(2)}`,
      type: 'residents',
      status,
      scope: 'neighbourhood',
      centre: ids.siping,
      neighbourhood: ids.neighbourhood,
      topics,
      articles: [{ text: '爱护公共环境。' }],
      _status: draft ? 'draft' : 'published',
    } as never,
    draft,
  })
}

let registrants = 0
async function signUp(event: number, status: string, partySize: number) {
  return payload.create({
    collection: 'registrations',
    data: {
      event,
      name: REGISTRANT,
      // One sign-up per number and event: each sign-up is a different resident.
      phone: `138${String((registrants += 1)).padStart(8, '0')}`,
      partySize,
      status,
      channel: 'staff',
    } as never,
  })
}

/** An event this many days from now (negative: in the past), with sign-ups in every status. */
async function eventWithSignUps(days: number, overrides: Record<string, unknown> = {}) {
  const start = new Date(now.getTime() + days * DAY)
  const event = await makeEvent(payload, ids.siping, {
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
    ...overrides,
  })
  await signUp(event.id, 'attended', 2)
  await signUp(event.id, 'attended', 1)
  await signUp(event.id, 'confirmed', 2)
  await signUp(event.id, 'waiting', 1)
  await signUp(event.id, 'cancelled', 2)
  return event
}

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload, {
    contentDir: SMALL_DISTRICT,
    demoAccounts: true,
    demoPassword: 'test-password-123',
    now,
  })
  const centres = await payload.find({ collection: 'centres', limit: 100, depth: 0 })
  const hidden = await makeCentre(payload, { _status: 'draft' })
  const neighbourhood = (await payload.find({ collection: 'neighbourhoods', limit: 1 })).docs[0]!
  ids = {
    siping: centres.docs.find((c) => c.slug === 'siping-road')!.id,
    yanji: centres.docs.find((c) => c.slug === 'yanji-xincun')!.id,
    hidden: hidden.id,
    neighbourhood: neighbourhood.id,
  }

  // Three periods; an unpublished evaluation, and a published one of a centre the public cannot see.
  await evaluate(ids.siping, 2025, '1', 72)
  await evaluate(ids.yanji, 2025, '1', 61)
  await evaluate(ids.siping, 2025, '2', 91)
  await evaluate(ids.yanji, 2025, '2', 83, false)
  await evaluate(ids.yanji, 2024, '2', 50)
  await evaluate(ids.hidden, 2025, '2', 95)

  await project('self-governance', 'open')
  await project('self-governance', 'open')
  await project('self-governance', 'completed')
  await project('public-benefit', 'in-progress')
  await project('community-foundation', 'claimed')
  await project('public-benefit', 'open', true)

  await convention(['dogs', 'noise'])
  await convention(['dogs'])
  await convention(['parking', 'waste-sorting', 'noise'])
  await convention(['greening'], true)
  // Published by mistake while its text is still being drafted: the public never sees it.
  await convention(['greening', 'dogs'], false, 'draft')

  // Past and coming events; a cancelled one and a draft one, both with sign-ups that must not count.
  await eventWithSignUps(-40)
  await eventWithSignUps(-38)
  await eventWithSignUps(-3)
  await eventWithSignUps(20)
  // Cancelled after people signed up, as happens: the cancellation cancels their sign-ups too.
  const cancelled = await eventWithSignUps(-39)
  await payload.update({ collection: 'events', id: cancelled.id, data: { status: 'cancelled' } })
  await eventWithSignUps(-37, { _status: 'draft' })
}, 600_000)

describe('the district figures', () => {
  let zh: DistrictFigures
  let en: DistrictFigures
  beforeAll(async () => {
    zh = await districtFigures('zh', now)
    en = await districtFigures('en', now)
  })

  it('counts centres at each star level in each period from published evaluations of public centres', async () => {
    const publicCentres = (
      await payload.find({ collection: 'centres', where: published, limit: 0, pagination: false, depth: 0 })
    ).docs.map((c) => c.id)
    const periods = (
      await payload.find({
        collection: 'evaluations',
        where: { published: { equals: true }, centre: { in: publicCentres } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs.map((e) => e.periodKey!)
    expect(zh.stars.periods.map((p) => Number(p.key))).toEqual([...new Set(periods)].sort((a, b) => a - b))
    expect(zh.stars.periods.length).toBeGreaterThanOrEqual(3)
    expect(zh.stars.levels.map((l) => l.key)).toEqual(['5', '4', '3', '2', '1'])
    for (const period of zh.stars.periods) {
      for (const [i, level] of zh.stars.levels.entries()) {
        const { totalDocs } = await payload.count({
          collection: 'evaluations',
          where: {
            published: { equals: true },
            centre: { in: publicCentres },
            periodKey: { equals: Number(period.key) },
            stars: { equals: Number(level.key) },
          },
        })
        expect(period.values[i], `${period.label} ${level.label}`).toBe(totalDocs)
      }
    }
    // The hidden centre's 95 and the unpublished 83 are both in 2025's second half.
    expect(zh.stars.periods.find((p) => p.key === '20252')!.values).toEqual([1, 0, 0, 0, 0])
  })

  it('counts published projects of each kind in each status', async () => {
    expect(zh.projects.kinds.map((k) => k.key)).toEqual(PROJECT_KINDS.map((k) => k.value))
    expect(zh.projects.statuses.map((s) => s.key)).toEqual(PROJECT_STATUSES.map((s) => s.value))
    for (const kind of zh.projects.kinds) {
      for (const [i, status] of zh.projects.statuses.entries()) {
        const { totalDocs } = await payload.count({
          collection: 'projects',
          where: { ...published, kind: { equals: kind.key }, status: { equals: status.key } },
        })
        expect(kind.values[i], `${kind.key} ${status.key}`).toBe(totalDocs)
      }
    }
    const all = zh.projects.kinds.flatMap((k) => k.values).reduce((a, b) => a + b, 0)
    expect(all).toBe((await payload.count({ collection: 'projects', where: published })).totalDocs)
  })

  it('counts the conventions the public can read under each of their topics', async () => {
    const inForce = { ...published, status: { not_equals: 'draft' } }
    expect(zh.conventions.total).toBe(
      (await payload.count({ collection: 'conventions', where: inForce })).totalDocs,
    )
    for (const { value } of CONVENTION_TOPICS) {
      const { totalDocs } = await payload.count({
        collection: 'conventions',
        where: { ...inForce, topics: { in: [value] } },
      })
      const shown = zh.conventions.topics.find((t) => t.key === value)
      expect(shown?.values[0] ?? 0, value).toBe(totalDocs)
      // Topics no published convention has are left out rather than drawn as empty bars.
      expect(Boolean(shown), value).toBe(totalDocs > 0)
    }
    const counts = zh.conventions.topics.map((t) => t.values[0]!)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('counts events held, people signed up and people who came, per Shanghai month up to this one', async () => {
    // From the month of the event 40 days ago to the current month, and not the months to come.
    expect(zh.months.length).toBeGreaterThanOrEqual(2)
    expect(zh.months.at(-1)!.key).toBe(monthKey(now))
    let events = 0
    for (const month of zh.months) {
      const [from, to] = monthBounds(month.key)
      const inMonth = await payload.find({
        collection: 'events',
        where: {
          ...published,
          status: { equals: 'scheduled' },
          start: { greater_than_equal: from, less_than: to < now.toISOString() ? to : now.toISOString() },
        },
        limit: 0,
        pagination: false,
        depth: 0,
      })
      events += inMonth.totalDocs
      const signUps =
        inMonth.totalDocs === 0
          ? []
          : (
              await payload.find({
                collection: 'registrations',
                where: { event: { in: inMonth.docs.map((e) => e.id) } },
                limit: 0,
                pagination: false,
                depth: 0,
              })
            ).docs
      const people = (statuses: string[]) =>
        signUps.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.partySize, 0)
      expect(month.values, month.label).toEqual([
        inMonth.totalDocs,
        people(['confirmed', 'attended']),
        people(['attended']),
      ])
    }
    // Every event held is in some month shown (none is older than a year here); the one in 20
    // days is not counted yet.
    const held = await payload.count({
      collection: 'events',
      where: { ...published, status: { equals: 'scheduled' }, start: { less_than: now.toISOString() } },
    })
    expect(events).toBe(held.totalDocs)
    expect(held.totalDocs).toBeGreaterThanOrEqual(3)
    const attended = zh.months.reduce((sum, m) => sum + m.values[2]!, 0)
    expect(attended).toBeGreaterThan(0)
  })

  it('gives the same numbers in English, with English labels', () => {
    const numbers = (f: DistrictFigures) => [
      f.stars.periods.map((p) => p.values),
      f.projects.kinds.map((k) => k.values),
      f.conventions.topics.map((t) => t.values),
      f.months.map((m) => m.values),
    ]
    expect(numbers(en)).toEqual(numbers(zh))
    expect(en.stars.periods[0]!.label).toMatch(/half of \d{4}$/)
    expect(zh.stars.periods[0]!.label).toMatch(/^\d{4}年[上下]半年$/)
    expect(en.projects.statuses.map((s) => s.label)).toContain('Completed')
  })

  it('lets no personal data out, only totals', () => {
    const text = JSON.stringify([zh, en])
    expect(text).not.toContain(REGISTRANT)
    // Every sign-up above has a 138… mobile number; none of them, nor any other, comes out.
    expect(text).not.toMatch(/1[3-9]\d{9}/)
  })

  it('changes when content is published, and not for drafts', async () => {
    const before = await districtFigures('zh', now)
    const cell = (f: DistrictFigures) =>
      f.projects.kinds.find((k) => k.key === 'community-foundation')!.values[
        f.projects.statuses.findIndex((s) => s.key === 'completed')
      ]!
    const draft = await project('community-foundation', 'completed', true)
    await convention(['safety'], true)
    await evaluate(ids.yanji, 2024, '1', 99, false)
    expect(await districtFigures('zh', now)).toEqual(before)

    await payload.update({ collection: 'projects', id: draft.id, data: { _status: 'published' } as never })
    expect(cell(await districtFigures('zh', now))).toBe(cell(before) + 1)
  })
})
