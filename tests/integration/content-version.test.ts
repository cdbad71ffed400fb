/**
 * The content version (cms/content-version.ts) that the site's page cache watches: every public
 * change moves it, in the change's own transaction, whichever way the change is made; a change
 * that fails moves nothing; a reader in another process sees it. The documents version beside it
 * moves with documents but not with sign-ups, so what the site read of documents stays good
 * (src/lib/content/memo.ts) while a crowd signs up.
 */
import { beforeAll, describe, expect, it } from 'vitest'

const { database } = await import('../../cms/settings')
const { openContentVersionReader } = await import('../../cms/content-version')
const { signUp } = await import('../../cms/signups/event-signups')
const { makeCentre, makeEvent } = await import('../helpers/fixtures')
const { listCentres } = await import('../../src/lib/content/centres')
const { getEvent, listEvents, upcomingEvents } = await import('../../src/lib/content/events')
const { centreRatings } = await import('../../src/lib/feedback')
const { giveFeedback } = await import('../../cms/messages/feedback')
const { testPayload } = await import('../helpers/payload')
const { renderReads } = await import('../../src/lib/content/memo')
const { currentActivityFigures, currentDocumentFigures } = await import('../../src/lib/content/figures')

let payload: Awaited<ReturnType<typeof testPayload>>
let centreId: number
let reader: Awaited<ReturnType<typeof openContentVersionReader>>
beforeAll(async () => {
  payload = await testPayload()
  centreId = (await makeCentre(payload)).id
  reader = await openContentVersionReader(database)
})

const person = (n: number) => ({ name: `居民${n}`, phone: `137${String(n).padStart(8, '0')}`, consent: 'on' })

describe('the content version', () => {
  it('moves when an event is published or edited, as another connection sees it', async () => {
    const before = await reader.read()
    expect(before).toEqual(expect.any(Number))
    const event = await makeEvent(payload, centreId, { capacity: 5 })
    const afterCreate = (await reader.read())!
    expect(afterCreate).toBeGreaterThan(before!)
    await payload.update({ collection: 'events', id: event.id, data: { capacity: 6 }, overrideAccess: true })
    expect(await reader.read()).toBeGreaterThan(afterCreate)
  })

  it('moves when a resident signs up, so the seats shown change', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const before = (await reader.read())!
    const outcome = await signUp(payload, event.id, { ...person(1), partySize: '1' })
    expect(outcome.ok).toBe(true)
    expect(await reader.read()).toBeGreaterThan(before)
  })

  it('does not move for a sign-up that is refused, nor for a failed save', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 1, maxPartySize: 1, waitingList: false })
    expect((await signUp(payload, event.id, { ...person(2), partySize: '1' })).ok).toBe(true)
    const before = await reader.read()
    const refused = await signUp(payload, event.id, { ...person(3), partySize: '1' })
    expect(refused.ok).toBe(false)
    await expect(
      payload.update({ collection: 'events', id: event.id, data: { capacity: 0 }, overrideAccess: true }),
    ).rejects.toThrow()
    expect(await reader.read()).toBe(before)
  })

  it('does not move for changes no public page shows (a staff account)', async () => {
    const before = await reader.read()
    await payload.create({
      collection: 'users',
      data: {
        email: 'version-test@mulin.demo',
        password: 'a-long-password-1',
        roles: ['district-admin'],
        name: '测试',
      },
      overrideAccess: true,
    })
    expect(await reader.read()).toBe(before)
  })

  it('keeps the documents version still through sign-ups, online and by staff, and moves it for a document', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const [version, documents] = [(await reader.read())!, (await reader.readDocuments())!]
    expect(documents).toEqual(expect.any(Number))
    expect((await signUp(payload, event.id, { ...person(4), partySize: '1' })).ok).toBe(true)
    await payload.create({
      collection: 'registrations',
      data: { event: event.id, name: '居民五', phone: '13700000005', partySize: 1, consent: true } as never,
      overrideAccess: true,
    })
    expect(await reader.read()).toBe(version + 2)
    expect(await reader.readDocuments()).toBe(documents)
    await payload.update({
      collection: 'centres',
      id: centreId,
      data: { summary: '文档版本测试' },
      overrideAccess: true,
    })
    expect(await reader.readDocuments()).toBeGreaterThan(documents)
    expect(await reader.read()).toBeGreaterThan(version + 2)
  })

  it('lets the site keep what it read of documents through sign-ups, and never past a document change', async () => {
    const nameIn = async () =>
      (await listCentres('zh')).centres.find((centre) => centre.id === centreId)?.name
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const first = await listCentres('zh')
    first.centres.length = 0 // a page trimming its list changes nothing for the next page
    expect(await nameIn()).toEqual(expect.any(String))
    // What is kept is shared by every page, so it cannot be changed in place: trying fails loudly.
    const kept = (await listCentres('zh')).centres[0]!
    expect(() => Object.assign(kept, { name: '别人的' })).toThrow(TypeError)
    expect(await nameIn()).not.toBe('别人的')
    // Underneath, the name changes without Payload (so no version moves): kept means not re-read.
    const { database } = await import('../../cms/settings')
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url: database.url })
    await db.execute({
      sql: `UPDATE centres_locales SET name = '暗改' WHERE _parent_id = ?`,
      args: [centreId],
    })
    db.close()
    expect((await signUp(payload, event.id, { ...person(6), partySize: '1' })).ok).toBe(true)
    expect(await nameIn()).not.toBe('暗改') // a sign-up moved only the seats
    await payload.update({
      collection: 'centres',
      id: centreId,
      data: { name: '改名中心' },
      overrideAccess: true,
    })
    expect(await nameIn()).toBe('改名中心') // a document changed: read again at once
  })

  it("shows an event's seats as they are after each sign-up, while its text stays kept", async () => {
    const event = await makeEvent(payload, centreId, { capacity: 2, maxPartySize: 1, waitingList: true })
    const shown = async () => (await getEvent(String(event.id), 'zh'))!
    expect((await shown()).seatsTaken ?? 0).toBe(0)
    // The title changes underneath without Payload: no version moves, so the kept text stays.
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url: database.url })
    await db.execute({
      sql: `UPDATE events_locales SET title = '暗改' WHERE _parent_id = ?`,
      args: [event.id],
    })
    db.close()
    for (const [n, seats, waiting] of [
      [11, 1, 0],
      [12, 2, 0],
      [13, 2, 1],
    ] as const) {
      expect((await signUp(payload, event.id, { ...person(n), partySize: '1' })).ok).toBe(true)
      const now = await shown()
      expect([now.seatsTaken, now.waitingCount ?? 0]).toEqual([seats, waiting])
      expect(now.title).not.toBe('暗改')
    }
  })

  it("shows a centre's residents' ratings as they are after each rating given", async () => {
    const centre = (await makeCentre(payload)).id
    const event = await makeEvent(payload, centre, { capacity: 3, maxPartySize: 1 })
    const started = new Date(new Date(event.start).getTime() + 10 * 60_000)
    const signups = []
    for (const n of [21, 22]) {
      const signup = await signUp(payload, event.id, { ...person(n), partySize: '1' })
      if (signup.ok) signups.push(signup.value)
    }
    const counted = async () => (await centreRatings(centre))[0]?.count ?? 0
    expect(await counted()).toBe(0)
    const [version, documents] = [(await reader.read())!, (await reader.readDocuments())!]
    expect(await giveFeedback(payload, signups[0]!.code, { rating: '5' }, started)).toEqual({ ok: true })
    expect(await counted()).toBe(1)
    // A rating is a resident's, read as a live count: what the site keeps of documents (and the
    // pages of documents the render cache keeps) stays, as it does through a sign-up.
    expect(await reader.read()).toBeGreaterThan(version)
    expect(await reader.readDocuments()).toBe(documents)
    expect(await giveFeedback(payload, signups[1]!.code, { rating: '3' }, started)).toEqual({ ok: true })
    expect((await centreRatings(centre))[0]).toMatchObject({ count: 2, average: 4 })
  })

  it('tells a page that read only documents from one that read seats, also when two renders overlap', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 3, maxPartySize: 1 })
    const { cms } = await import('../../src/lib/cms')
    const onlyDocuments = async (render: () => Promise<unknown>) => (await renderReads(render)).documentsOnly
    await listCentres('zh')
    expect(await onlyDocuments(() => listCentres('zh'))).toBe(true)
    // Its documents changed: the loader reads them again, and they are still documents.
    await payload.update({
      collection: 'centres',
      id: centreId,
      data: { summary: '重读' },
      overrideAccess: true,
    })
    expect(await onlyDocuments(() => listCentres('zh'))).toBe(true)
    // An event's page shows its seats.
    expect(await onlyDocuments(() => getEvent(String(event.id), 'zh'))).toBe(false)
    // A read through the ordinary door, as a new loader would make it: counted as live.
    expect(await onlyDocuments(async () => (await cms()).count({ collection: 'centres' }))).toBe(false)
    // Two renders at once (as on MongoDB): the one that read seats marks the other as live too.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const centres = renderReads(async () => {
      await listCentres('zh')
      await held
    })
    const seats = await renderReads(() => getEvent(String(event.id), 'zh'))
    release()
    expect([(await centres).documentsOnly, seats.documentsOnly]).toEqual([false, false])
    // Alone again, a page of documents is one.
    expect(await onlyDocuments(() => listCentres('zh'))).toBe(true)
  })

  it('gives one page one moment: a sign-up during a render shows on the next page, not halfway down this one', async () => {
    const event = await makeEvent(payload, centreId, { capacity: 3, maxPartySize: 1 })
    const seatsTaken = async () => (await getEvent(String(event.id), 'zh'))!.seatsTaken ?? 0
    const { result: seen } = await renderReads(async () => {
      const top = await seatsTaken()
      expect((await signUp(payload, event.id, { ...person(31), partySize: '1' })).ok).toBe(true)
      return [top, await seatsTaken()]
    })
    expect(seen).toEqual([0, 0])
    const { result: next } = await renderReads(seatsTaken)
    expect(next).toBe(1)
    expect(await seatsTaken()).toBe(1) // outside a render, as fresh as ever
  })

  it('hands the site the same event object until its own seats move, so HTML kept with it stays true', async () => {
    const quiet = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const busy = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    // As the centre's page lists them: the kept list, with each event's seats laid over it.
    const shown = async (id: number) => (await upcomingEvents('zh', { centreId })).find((e) => e.id === id)!
    const quietBefore = await shown(quiet.id)
    expect((await signUp(payload, busy.id, { ...person(41), partySize: '1' })).ok).toBe(true)
    expect(await shown(quiet.id)).toBe(quietBefore)
    const busyNow = await shown(busy.id)
    expect(busyNow.seatsTaken).toBe(1)
    expect(Object.isFrozen(busyNow)).toBe(true)
    expect(await shown(busy.id)).toBe(busyNow)
    expect((await signUp(payload, busy.id, { ...person(42), partySize: '1' })).ok).toBe(true)
    expect(await shown(busy.id)).not.toBe(busyNow)
    expect((await shown(busy.id)).seatsTaken).toBe(2)
  })

  it("hands the calendar the same list while nothing moves, and after a sign-up only that event's object is new", async () => {
    const ownCentre = (await makeCentre(payload)).id
    const first = await makeEvent(payload, ownCentre, { capacity: 5, maxPartySize: 1 })
    const second = await makeEvent(payload, ownCentre, { capacity: 5, maxPartySize: 1 })
    const from = new Date(Date.now() - 86_400_000) // as a page asks: from a day's start, the same each time
    const month = () => listEvents('zh', { from, centreId: ownCentre })
    const before = await month()
    expect(before.map((e) => e.id).sort()).toEqual([first.id, second.id].sort())
    // Nothing moved: the very same list, so nothing about it is worked out again.
    expect(await month()).toBe(before)
    expect((await signUp(payload, second.id, { ...person(51), partySize: '1' })).ok).toBe(true)
    const after = await month()
    expect(after).not.toBe(before)
    expect(after.find((e) => e.id === first.id)).toBe(before.find((e) => e.id === first.id))
    expect(after.find((e) => e.id === second.id)!.seatsTaken).toBe(1)
    expect(await month()).toBe(after)
  })

  it("keeps the figures' charts of documents through sign-ups, and reads the months' activity again", async () => {
    const event = await makeEvent(payload, centreId, { capacity: 5, maxPartySize: 1 })
    const documents = await currentDocumentFigures('zh')
    const activity = await currentActivityFigures('zh')
    expect(await currentActivityFigures('zh')).toBe(activity)
    expect((await signUp(payload, event.id, { ...person(61), partySize: '1' })).ok).toBe(true)
    expect(await currentDocumentFigures('zh')).toBe(documents)
    expect(await currentActivityFigures('zh')).not.toBe(activity)
    // A document published: the documents' figures are counted again at once.
    await makeEvent(payload, centreId)
    expect(await currentDocumentFigures('zh')).not.toBe(documents)
  })
})
