/**
 * Finding 9: odd input accepted: a name of only zero-width spaces, `a\u0000b` stored as `a`,
 * party sizes "0x2", [2] and true coerced to numbers, and a text/plain body (which any web page
 * can make a visitor's browser send) taken as JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { makeEvent } from './fixtures'
import { postForm, postJson, send, cms } from './http'

let eventId: number
let phone = 13_912_350_000
const nextPhone = () => String((phone += 1))

beforeAll(async () => {
  eventId = await makeEvent('奇怪输入测试')
})

const register = (body: Record<string, unknown>) =>
  postJson(
    `/api/events/${eventId}/register`,
    { phone: nextPhone(), consent: true, partySize: 1, name: '吴阿姨', ...body },
    '127.0.0.90',
  )

describe('input checks', () => {
  it.each([['\u200b\u200b\u200b'], ['a\u0000b'], ['\u202e\u202d'], ['李\u0007四'], ['   ']])(
    'refuses the name %j',
    async (name) => {
      const answer = await register({ name })
      expect(answer.status).toBe(400)
      expect((answer.json.errors as Record<string, unknown> | undefined)?.name).toBeDefined()
    },
  )

  it.each([['0x2'], [[2]], [true], ['2e0'], [' 2 '], ['1.0'], [{}]])(
    'refuses the party size %j',
    async (partySize) => {
      const answer = await register({ partySize })
      expect(answer.status).toBe(400)
    },
  )

  it('still takes an ordinary name and a party size as a number or digits', async () => {
    expect((await register({ name: '张 三', partySize: 2 })).status).toBe(201)
    expect((await register({ name: 'Mary-Ann O’Brien', partySize: '2' })).status).toBe(201)
  })

  it('refuses the same names on the site form', async () => {
    const answer = await postForm(
      `/events/${eventId}`,
      { name: '\u200b\u200b', phone: nextPhone(), consent: 'on' },
      '127.0.0.91',
    )
    expect(answer.status).toBe(400)
  })

  it('the JSON endpoints require application/json', async () => {
    for (const path of [
      `/api/events/${eventId}/register`,
      '/api/registrations/lookup',
      '/api/registrations/cancel',
      '/api/volunteers/withdraw',
    ]) {
      const answer = await send(cms(path), {
        method: 'POST',
        from: '127.0.0.92',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({
          name: '跨站报名',
          phone: nextPhone(),
          partySize: 1,
          consent: true,
          code: 'ZZZZZZ',
        }),
      })
      expect(answer.status, path).toBe(415)
      expect(answer.json.message).toBeDefined()
    }
  })
})
