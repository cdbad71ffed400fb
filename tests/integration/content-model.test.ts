import { describe, expect, it } from 'vitest'

import { makeCentre, makeEvent, scores } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

describe("a centre's stars", () => {
  it('always equal what the rubric gives for its latest published evaluation, after any edit', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    const starsNow = async () => (await payload.findByID({ collection: 'centres', id: centre.id })).stars
    const publicStars = async () =>
      (
        await payload.find({ collection: 'centres', where: { stars: { equals: 5 } }, overrideAccess: false })
      ).docs.some((doc) => doc.id === centre.id)

    expect(await starsNow()).toBeNull()

    const first = await payload.create({
      collection: 'evaluations',
      data: { centre: centre.id, year: 2025, half: '1', scores: scores(16, 16, 15, 16, 15), published: true },
    })
    expect(first.total).toBe(78)
    expect(first.stars).toBe(3)
    expect(await starsNow()).toBe(3)

    // A later period that is not yet published does not count.
    const later = await payload.create({
      collection: 'evaluations',
      data: {
        centre: centre.id,
        year: 2025,
        half: '2',
        scores: scores(19, 18, 18, 18, 19),
        published: false,
      },
    })
    expect(later.stars).toBe(5)
    expect(await starsNow()).toBe(3)

    // Publishing it does, and the stored value lets the public filter by stars.
    await payload.update({ collection: 'evaluations', id: later.id, data: { published: true } })
    expect(await starsNow()).toBe(5)
    expect(await publicStars()).toBe(true)

    // Correcting a score is reflected at once.
    await payload.update({
      collection: 'evaluations',
      id: later.id,
      data: { scores: scores(17, 17, 17, 17, 17) },
    })
    expect(await starsNow()).toBe(4)
    expect(await publicStars()).toBe(false)

    // Deleting the latest falls back to the one before.
    await payload.delete({ collection: 'evaluations', id: later.id })
    expect(await starsNow()).toBe(3)

    // The centre's own profile survives these writes.
    const after = await payload.findByID({ collection: 'centres', id: centre.id })
    expect(after.services?.[0]?.name).toBe('老年助餐')
    expect(after.rooms).toHaveLength(2)
  })

  it('cannot be typed in, by staff or by the district', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    await payload.create({
      collection: 'evaluations',
      data: { centre: centre.id, year: 2026, half: '1', scores: scores(13, 13, 13, 13, 13), published: true },
    })
    const admin = { id: 0, collection: 'users' as const, roles: ['district-admin'] }
    const updated = await payload.update({
      collection: 'centres',
      id: centre.id,
      data: { stars: 5, summary: '改了简介' } as never,
      user: admin as never,
      overrideAccess: false,
    })
    expect(updated.stars).toBe(2)
    expect(updated.summary).toBe('改了简介')
  })

  it('refuses scores outside 0–20 and a second evaluation for the same period', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    await expect(
      payload.create({
        collection: 'evaluations',
        data: { centre: centre.id, year: 2024, half: '2', scores: scores(25, 10, 10, 10, 10) },
      }),
    ).rejects.toThrow()
    await payload.create({
      collection: 'evaluations',
      data: { centre: centre.id, year: 2024, half: '2', scores: scores(10, 10, 10, 10, 10) },
    })
    await expect(
      payload.create({
        collection: 'evaluations',
        data: { centre: centre.id, year: 2024, half: '2', scores: scores(12, 10, 10, 10, 10) },
      }),
    ).rejects.toThrow(/already has an evaluation/)
  })
})

describe('events', () => {
  it('keep their Chinese title when the English one is added', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    const event = await makeEvent(payload, centre.id, { title: '晨练太极拳' })
    await payload.update({
      collection: 'events',
      id: event.id,
      locale: 'en',
      data: { title: 'Morning tai chi' },
    })
    expect((await payload.findByID({ collection: 'events', id: event.id, locale: 'zh' })).title).toBe(
      '晨练太极拳',
    )
    expect((await payload.findByID({ collection: 'events', id: event.id, locale: 'en' })).title).toBe(
      'Morning tai chi',
    )
  })

  it('turn one weekly class into a series of dated sessions', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    const first = await makeEvent(payload, centre.id, { title: '太极拳', repeatWeekly: 6 })
    const series = await payload.find({
      collection: 'events',
      where: { or: [{ id: { equals: first.id } }, { series: { equals: first.id } }] },
      sort: 'start',
    })
    expect(series.totalDocs).toBe(6)
    const starts = series.docs.map((doc) => new Date(doc.start).getTime())
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBe(7 * 24 * 3600 * 1000)
    expect(series.docs.map((doc) => [doc.title, doc._status])).toEqual(Array(6).fill(['太极拳', 'published']))
  })

  it('refuse more seats than the room holds, rooms the centre does not have, and ending before starting', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    await expect(makeEvent(payload, centre.id, { room: '活动室', capacity: 30 })).rejects.toThrow(/容纳人数/)
    await expect(makeEvent(payload, centre.id, { room: '游泳池' })).rejects.toThrow(/不是这个中心的场地/)
    const start = new Date(Date.now() + 86_400_000)
    await expect(
      makeEvent(payload, centre.id, {
        start: start.toISOString(),
        end: new Date(start.getTime() - 60_000).toISOString(),
      }),
    ).rejects.toThrow(/end after it starts/)
  })

  it('count confirmed seats from sign-ups and refuse a capacity below them', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    const event = await makeEvent(payload, centre.id, { capacity: 5, maxPartySize: 3 })
    let people = 0
    const signUp = (partySize: number, status = 'confirmed') =>
      payload.create({
        collection: 'registrations',
        data: {
          event: event.id,
          name: '张阿姨',
          phone: `139 0000 ${1234 + people++}`,
          partySize,
          status,
          channel: 'staff',
        } as never,
        depth: 0,
      })
    const first = await signUp(3)
    await signUp(2)
    await signUp(1, 'waiting')
    expect(first.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)
    expect(first.phone).toBe('13900001234')
    expect(first.centre).toBe(centre.id)

    const counted = await payload.findByID({ collection: 'events', id: event.id })
    expect(counted.seatsTaken).toBe(5)
    expect(counted.waitingCount).toBe(1)

    await expect(
      payload.update({ collection: 'events', id: event.id, data: { capacity: 4 } }),
    ).rejects.toThrow(/已有 5 人确认报名/)
    await expect(signUp(4)).rejects.toThrow(/最多报名 3 人/)

    // Cancelling frees three seats: the person waiting moves up.
    await payload.update({ collection: 'registrations', id: first.id, data: { status: 'cancelled' } })
    const after = await payload.findByID({ collection: 'events', id: event.id })
    expect([after.seatsTaken, after.waitingCount]).toEqual([3, 0])
  })
})

describe('conventions', () => {
  it('refuse a vote with more ballots than people present', async () => {
    const payload = await testPayload()
    const centre = await makeCentre(payload)
    const neighbourhood = await payload.create({
      collection: 'neighbourhoods',
      data: { name: '测试居民区', subDistrict: centre.subDistrict as number, centre: centre.id },
    })
    const base = {
      title: '文明养犬公约',
      slug: `dogs-${centre.id}`,
      type: 'residents',
      status: 'adopted',
      scope: 'neighbourhood',
      centre: centre.id,
      neighbourhood: neighbourhood.id,
      articles: [{ text: '遛狗请牵绳。' }, { text: '及时清理粪便。' }],
      _status: 'published',
    }
    await expect(
      payload.create({
        collection: 'conventions',
        data: {
          ...base,
          adoption: [{ date: '2025-03-01', kind: 'vote', attendance: 50, for: 45, against: 6, abstain: 1 }],
        } as never,
      }),
    ).rejects.toThrow()
    const adopted = await payload.create({
      collection: 'conventions',
      data: {
        ...base,
        adoption: [{ date: '2025-03-01', kind: 'vote', attendance: 50, for: 45, against: 3, abstain: 2 }],
      } as never,
    })
    expect(adopted.articles).toHaveLength(2)
  })
})
