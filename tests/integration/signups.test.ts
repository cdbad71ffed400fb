import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { anonymisePersonalData } from '../../cms/jobs/anonymise-personal-data'
import { cancelSignup, lookUpSignup, signUp } from '../../cms/signups/event-signups'
import { lookUpVolunteer, offerClaim, volunteer, withdrawVolunteer } from '../../cms/signups/project-signups'
import { makeCentre, makeEvent } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let centreId: number
beforeAll(async () => {
  payload = await testPayload()
  centreId = (await makeCentre(payload)).id
})

const phone = (n: number) => `139${String(n).padStart(8, '0')}`
const person = (n: number, partySize = 1) => ({ name: `居民${n}`, phone: phone(n), partySize, consent: 'on' })

async function signupsOf(eventId: number) {
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId } },
    limit: 0,
    pagination: false,
    sort: 'id',
    depth: 0,
  })
  return docs
}

async function countersOf(eventId: number) {
  const event = await payload.db.findOne<{ id: number; seatsTaken: number; waitingCount: number }>({
    collection: 'events',
    where: { id: { equals: eventId } },
  })
  return { seatsTaken: event!.seatsTaken, waitingCount: event!.waitingCount }
}

/** What the counters must equal: the party sizes of the sign-ups themselves. */
async function expectCountersTrue(eventId: number) {
  const rows = await signupsOf(eventId)
  const sum = (statuses: string[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r.partySize, 0)
  expect(await countersOf(eventId)).toEqual({
    seatsTaken: sum(['confirmed', 'attended']),
    waitingCount: sum(['waiting']),
  })
}

describe('sign-ups under concurrency', () => {
  it('never oversell: 40 people at once for 12 seats gives 12 confirmed and 28 waiting, in order', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 12, maxPartySize: 1 })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signUp(payload, event.id, person(i))),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    const values = results.map((r) => (r.ok ? r.value : undefined)!)
    expect(values.filter((v) => v.status === 'confirmed')).toHaveLength(12)
    expect(values.filter((v) => v.status === 'waiting')).toHaveLength(28)
    const rows = await signupsOf(event.id)
    expect(rows).toHaveLength(40)
    await expectCountersTrue(event.id)
    // Everyone waiting holds a distinct place in the queue.
    const lookups = await Promise.all(
      rows
        .filter((r) => r.status === 'waiting')
        .map((r) => lookUpSignup(payload, r.code!, r.phone.slice(-4))),
    )
    const positions = lookups.map((l) => (l.ok ? l.value.position : 0)).sort((a, b) => a! - b!)
    expect(positions).toEqual(Array.from({ length: 28 }, (_, i) => i + 1))
  })

  it('turn ten identical submissions at once into one sign-up', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 2 })
    const results = await Promise.all(
      Array.from({ length: 10 }, () => signUp(payload, event.id, person(777, 2))),
    )
    const codes = new Set(results.map((r) => (r.ok ? r.value.code : 'refused')))
    expect(codes.size).toBe(1)
    expect(codes.has('refused')).toBe(false)
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1)
    expect(await signupsOf(event.id)).toHaveLength(1)
    expect((await countersOf(event.id)).seatsTaken).toBe(2)
  })

  it('keep confirmed within capacity and promote in order when cancellations race new sign-ups', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 10, maxPartySize: 1 })
    const first = []
    for (let i = 0; i < 20; i += 1) first.push(await signUp(payload, event.id, person(1000 + i)))
    const confirmed = first.filter((r) => r.ok && r.value.status === 'confirmed')
    expect(confirmed).toHaveLength(10)
    const waitingBefore = (await signupsOf(event.id)).filter((r) => r.status === 'waiting').map((r) => r.id)

    await Promise.all([
      ...confirmed
        .slice(0, 6)
        .map((r, i) => cancelSignup(payload, r.ok ? r.value.code : '', phone(1000 + i))),
      ...Array.from({ length: 12 }, (_, i) => signUp(payload, event.id, person(2000 + i))),
    ])
    const rows = await signupsOf(event.id)
    const seated = rows.filter((r) => r.status === 'confirmed')
    await expectCountersTrue(event.id)
    // Six seats came free and people were waiting: all six went to the waiting list, first in line first.
    expect(seated).toHaveLength(10)
    const promoted = rows.filter((r) => r.status === 'confirmed' && waitingBefore.includes(r.id))
    expect(promoted.map((r) => r.id)).toEqual(waitingBefore.slice(0, 6))
    // Nobody who signed up during the race overtook the people already waiting.
    const newcomers = rows.filter((r) => r.phone >= phone(2000))
    expect(newcomers.every((r) => r.status === 'waiting')).toBe(true)
  })
})

describe('the waiting list', () => {
  it('moves up whole parties when seats come free, and passes over a party that does not fit', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 4, maxPartySize: 3 })
    const a = await signUp(payload, event.id, person(1, 2))
    await signUp(payload, event.id, person(2, 2))
    const big = await signUp(payload, event.id, person(3, 3))
    const small = await signUp(payload, event.id, person(4, 1))
    expect(big.ok && big.value.status).toBe('waiting')
    expect(small.ok && small.value.position).toBe(2)

    // Two seats free: the party of three does not fit and keeps its place; the single person moves up.
    await cancelSignup(payload, a.ok ? a.value.code : '', phone(1))
    const bigNow = await lookUpSignup(payload, big.ok ? big.value.code : '', '0003')
    const smallNow = await lookUpSignup(payload, small.ok ? small.value.code : '', '0004')
    expect(bigNow.ok && bigNow.value).toMatchObject({ status: 'waiting', position: 1 })
    expect(smallNow.ok && smallNow.value.status).toBe('confirmed')
    await expectCountersTrue(event.id)

    // Staff add two seats: now the party of three fits.
    await payload.update({ collection: 'events', id: event.id, data: { capacity: 6 } })
    const bigLater = await lookUpSignup(payload, big.ok ? big.value.code : '', '0003')
    expect(bigLater.ok && bigLater.value.status).toBe('confirmed')
    await expectCountersTrue(event.id)
  })

  it('refuses to lower the capacity below the confirmed seats, with the number in the message', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 3, maxPartySize: 1 })
    for (let i = 0; i < 3; i += 1) await signUp(payload, event.id, person(300 + i))
    await expect(
      payload.update({ collection: 'events', id: event.id, data: { capacity: 2 } }),
    ).rejects.toThrow(/已有 3 人确认报名/)
  })
})

describe('refusals a resident sees', () => {
  it('explain cancelled, finished, closed and full events, and bad input per field', async () => {
    const past = new Date(Date.now() - 3 * 24 * 3600e3)
    const cancelled = await makeEvent(payload, centreId, { status: 'cancelled' })
    const finished = await makeEvent(payload, centreId, {
      start: past.toISOString(),
      end: new Date(past.getTime() + 3600e3).toISOString(),
    })
    const closed = await makeEvent(payload, centreId, {
      signupCloses: new Date(Date.now() - 60e3).toISOString(),
    })
    const noQueue = await makeEvent(payload, centreId, { capacity: 1, maxPartySize: 1, waitingList: false })
    await signUp(payload, noQueue.id, person(500))

    const message = async (id: number) => {
      const result = await signUp(payload, id, person(501))
      return result.ok ? 'accepted' : result.message.zh
    }
    expect(await message(cancelled.id)).toMatch(/已取消/)
    expect(await message(finished.id)).toMatch(/已经结束/)
    expect(await message(closed.id)).toMatch(/截止/)
    expect(await message(noQueue.id)).toMatch(/名额已满，这场活动不设候补/)

    const open = await makeEvent(payload, centreId, { maxPartySize: 2 })
    const bad = await signUp(payload, open.id, { name: '', phone: '12345', partySize: '5' })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['consent', 'name', 'partySize', 'phone'])
    expect(await signupsOf(open.id)).toHaveLength(0)
  })
})

describe('looking up and cancelling', () => {
  it('needs the code and the last four digits, frees the seat, and shows an event cancellation', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5 })
    const mine = await signUp(payload, event.id, person(42))
    const code = mine.ok ? mine.value.code : ''
    expect((await lookUpSignup(payload, code, '9999')).ok).toBe(false)
    expect((await lookUpSignup(payload, code.toLowerCase(), '0042')).ok).toBe(true)

    const other = await signUp(payload, event.id, person(43))
    const cancelled = await cancelSignup(payload, code, '0042')
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled')
    // Cancelling again is not an error, and the seat was given back once only.
    expect((await cancelSignup(payload, code, '0042')).ok).toBe(true)
    expect((await countersOf(event.id)).seatsTaken).toBe(1)
    // Signing up again after cancelling is a new sign-up.
    const again = await signUp(payload, event.id, person(42))
    expect(again.ok && again.value.created).toBe(true)

    await payload.update({ collection: 'events', id: event.id, data: { status: 'cancelled' } })
    const seen = await lookUpSignup(payload, other.ok ? other.value.code : '', '0043')
    expect(seen.ok && seen.value).toMatchObject({ status: 'cancelled', eventCancelled: true })
    expect(await countersOf(event.id)).toEqual({ seatsTaken: 0, waitingCount: 0 })
  })

  it('counts staff sign-ups on behalf of a resident against the same seats', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 2, waitingList: false })
    const staff = await payload.create({
      collection: 'users',
      data: {
        email: `staff-${Date.now()}@mulin.test`,
        password: 'a-long-test-password',
        name: '测试工作人员',
        roles: ['centre-staff'],
        centres: [centreId],
      } as never,
    })
    const user = { ...staff, collection: 'users' as const }
    const onBehalf = await signUp(payload, event.id, { ...person(60, 2), channel: 'family' }, { user })
    expect(onBehalf.ok && onBehalf.value).toMatchObject({ status: 'confirmed', channel: 'family' })
    const online = await signUp(payload, event.id, person(61))
    expect(online.ok).toBe(false)
  })
})

describe('volunteering and claiming projects', () => {
  async function makeProject(roles: { name: string; needed: number }[]) {
    return payload.create({
      collection: 'projects',
      data: {
        title: `测试项目${Date.now()}`,
        slug: `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        kind: 'public-benefit',
        status: 'open',
        centre: centreId,
        volunteerRoles: roles,
        _status: 'published',
      } as never,
    })
  }
  const filled = async (projectId: number) =>
    (await payload.findByID({ collection: 'projects', id: projectId, depth: 0 })).volunteerRoles?.map(
      (r) => r.filled,
    )

  it('fills a role exactly: twelve people at once for five places gives five volunteers', async () => {
    const project = await makeProject([{ name: '助餐配送', needed: 5 }])
    const roleId = project.volunteerRoles![0]!.id!
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        volunteer(payload, project.id, { roleId, name: `志愿者${i}`, phone: phone(900 + i), consent: 'on' }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    const refused = results.find((r) => !r.ok)
    expect(refused && !refused.ok && refused.message.zh).toMatch(/名额已经满了/)
    expect(await filled(project.id)).toEqual([5])
    const { totalDocs } = await payload.count({
      collection: 'volunteers',
      where: { project: { equals: project.id } },
    })
    expect(totalDocs).toBe(5)
  })

  it('keeps volunteers counted when staff later save an older draft of the project', async () => {
    const project = await makeProject([{ name: '活动摄影', needed: 3 }])
    const roleId = project.volunteerRoles![0]!.id!
    await payload.update({
      collection: 'projects',
      id: project.id,
      data: { summary: '草稿里的修改' },
      draft: true,
    })
    await volunteer(payload, project.id, { roleId, name: '小李', phone: phone(950), consent: true })
    await payload.update({ collection: 'projects', id: project.id, data: { _status: 'published' } as never })
    expect(await filled(project.id)).toEqual([1])
  })

  it('lets a volunteer withdraw with the code and the last four digits, giving the place back', async () => {
    const project = await makeProject([{ name: '楼道清洁', needed: 1 }])
    const roleId = project.volunteerRoles![0]!.id!
    const first = await volunteer(payload, project.id, {
      roleId,
      name: '小王',
      phone: phone(960),
      consent: 'on',
    })
    expect(first.ok).toBe(true)
    const code = first.ok ? first.value.code : ''
    expect(await filled(project.id)).toEqual([1])
    const full = await volunteer(payload, project.id, {
      roleId,
      name: '小张',
      phone: phone(961),
      consent: 'on',
    })
    expect(full.ok).toBe(false)

    const wrong = await withdrawVolunteer(payload, code, '0000')
    expect(wrong).toMatchObject({ ok: false, status: 404 })
    expect(await filled(project.id)).toEqual([1])

    const found = await lookUpVolunteer(payload, code.toLowerCase(), phone(960).slice(-4))
    expect(found).toMatchObject({
      ok: true,
      value: { status: 'active', roleName: '楼道清洁', mayWithdraw: true },
    })
    const withdrawn = await withdrawVolunteer(payload, code, phone(960).slice(-4))
    expect(withdrawn).toMatchObject({ ok: true, value: { status: 'cancelled' } })
    expect(await filled(project.id)).toEqual([0])
    // Withdrawing twice is not an error and gives nothing back twice.
    expect(await withdrawVolunteer(payload, code, phone(960).slice(-4))).toMatchObject({ ok: true })
    expect(await filled(project.id)).toEqual([0])
    // The freed place is there for someone else.
    expect(
      (await volunteer(payload, project.id, { roleId, name: '小张', phone: phone(961), consent: 'on' })).ok,
    ).toBe(true)
  })

  it('lets a volunteer withdraw over REST with the code and last four digits, and nothing else', async () => {
    const project = await makeProject([{ name: '助老陪聊', needed: 2 }])
    const roleId = project.volunteerRoles![0]!.id!
    const joined = await volunteer(payload, project.id, {
      roleId,
      name: '小李',
      phone: phone(970),
      consent: 'on',
    })
    const code = joined.ok ? joined.value.code : ''
    const endpoint = payload.collections.volunteers.config.endpoints
    const withdraw = (endpoint ? endpoint : []).find((e) => e.path === '/withdraw' && e.method === 'post')!
    const post = async (body: unknown, contentType = 'application/json') => {
      const req = await createLocalReq(
        {
          req: {
            headers: new Headers({ 'content-type': contentType }),
            text: async () => JSON.stringify(body),
          },
        },
        payload,
      )
      const answer = await withdraw.handler(req)
      return { status: answer.status, json: (await answer.json()) as Record<string, unknown> }
    }
    const stateOf = async () =>
      (await payload.find({ collection: 'volunteers', where: { code: { equals: code } }, depth: 0 })).docs[0]!
        .status

    // Wrong digits, no digits, a form body: refused with a plain sentence, and nothing changes.
    const wrong = await post({ code, phone: '0000' })
    expect(wrong.status).toBe(404)
    expect(wrong.json.en).toMatch(/No sign-up matches/)
    expect((await post({ code })).status).toBe(404)
    expect((await post({ code, phone: phone(970).slice(-4) }, 'text/plain')).status).toBe(415)
    expect(await stateOf()).toBe('active')
    expect(await filled(project.id)).toEqual([1])

    const done = await post({ code, phone: phone(970).slice(-4) })
    expect(done.status).toBe(200)
    expect(done.json).toMatchObject({ code, status: 'cancelled', roleName: '助老陪聊' })
    // The answer names no one: no name, no number.
    expect(JSON.stringify(done.json)).not.toMatch(new RegExp(`小李|${phone(970)}`))
    expect(await stateOf()).toBe('cancelled')
    expect(await filled(project.id)).toEqual([0])
    // Withdrawing twice is not an error and frees nothing twice.
    expect((await post({ code, phone: phone(970) })).status).toBe(200)
    expect(await filled(project.id)).toEqual([0])
  })

  it('records an organisation’s offer for staff, and shows it as claimed only once accepted', async () => {
    const project = await makeProject([])
    const bad = await offerClaim(payload, project.id, { organisation: '', offer: '' })
    expect(bad.ok).toBe(false)
    const offered = await offerClaim(payload, project.id, {
      organisation: '杨浦某物业公司',
      contactName: '赵经理',
      phone: '13800001111',
      offer: '每月派 5 名员工志愿者',
      consent: 'on',
    })
    expect(offered.ok).toBe(true)
    const { docs } = await payload.find({
      collection: 'project-claims',
      where: { project: { equals: project.id } },
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ status: 'offered', centre: centreId })
    await payload.update({ collection: 'project-claims', id: docs[0]!.id, data: { status: 'accepted' } })
    expect((await payload.findByID({ collection: 'projects', id: project.id })).status).toBe('claimed')
  })
})

describe('personal data retention', () => {
  it('wipes names and numbers a set number of days after the event, and keeps the counts', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5 })
    await signUp(payload, event.id, person(800))
    await signUp(payload, event.id, person(801, 2))
    const later = new Date(Date.now() + 60 * 24 * 3600e3)
    expect(
      (await anonymisePersonalData(payload, { now: later, days: 30 })).registrations,
    ).toBeGreaterThanOrEqual(2)
    const rows = await signupsOf(event.id)
    expect(rows.map((r) => [r.name, r.phone, r.status, r.partySize])).toEqual([
      ['（已匿名）', '', 'confirmed', 1],
      ['（已匿名）', '', 'confirmed', 2],
    ])
    expect((await countersOf(event.id)).seatsTaken).toBe(3)
    // Not before its time: an event that ended recently keeps its sign-ups' details.
    const recent = await makeEvent(payload, centreId, { capacity: 5 })
    await signUp(payload, recent.id, person(802))
    await anonymisePersonalData(payload, { now: new Date(Date.now() + 20 * 24 * 3600e3), days: 30 })
    expect((await signupsOf(recent.id))[0]!.phone).toBe(phone(802))
  })

  it('wipes a delegation’s contact once its visit days are past the retention period', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
    const request = await payload.create({
      collection: 'visit-requests',
      data: {
        organisation: '成都市武侯区民政局',
        delegationSize: 8,
        contactName: '刘晓梅',
        phone: '13900001234',
        email: 'liu@example.cn',
        preferredDates: [{ date: day(100) }, { date: day(101) }],
        centres: [centreId],
      } as never,
      context: { seeding: true },
    })
    // Thirty days after the visit: not yet. Ninety: the contact goes, the visit's record stays.
    await anonymisePersonalData(payload, { now: new Date(day(120)), days: 30 })
    expect((await payload.findByID({ collection: 'visit-requests', id: request.id })).email).toBe(
      'liu@example.cn',
    )
    const counts = await anonymisePersonalData(payload, { now: new Date(day(200)), days: 30 })
    expect(counts.visitRequests).toBeGreaterThanOrEqual(1)
    const after = await payload.findByID({ collection: 'visit-requests', id: request.id, depth: 0 })
    expect([after.contactName, after.phone, after.email]).toEqual(['（已匿名）', '', ''])
    expect([after.organisation, after.delegationSize]).toEqual(['成都市武侯区民政局', 8])
  })
})
