/**
 * The content version (cms/content-version.ts) that the site's page cache watches: every public
 * change moves it, in the change's own transaction, whichever way the change is made; a change
 * that fails moves nothing; a reader in another process sees it.
 */
import { beforeAll, describe, expect, it } from 'vitest'

const { database } = await import('../../cms/settings')
const { openContentVersionReader } = await import('../../cms/content-version')
const { signUp } = await import('../../cms/signups/event-signups')
const { makeCentre, makeEvent } = await import('../helpers/fixtures')
const { testPayload } = await import('../helpers/payload')

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
})
