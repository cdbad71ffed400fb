/**
 * Finding 4: the rate limit trusted the client's X-Forwarded-For (the site counted its first entry,
 * the CMS its last), and a sign-up's phone digits could be guessed from its code. The portal is
 * started with the default setting (TRUSTED_PROXIES unset: no proxy, the socket's address counts).
 */
import { describe, expect, inject, it } from 'vitest'

import { api } from '../e2e/rest'
import { makeEvent } from './fixtures'
import { postForm, postJson, send, site } from './http'

import { E2E_FORM_RATE_LIMIT as LIMIT } from '../e2e/global-setup'

describe('the client address', () => {
  it('is not taken from X-Forwarded-For by the CMS', async () => {
    const statuses: number[] = []
    for (let i = 0; i <= LIMIT; i += 1) {
      const answer = await postJson(
        '/api/registrations/lookup',
        { code: 'ZZZZZZ', phone: '0000' },
        '127.0.0.41',
        {
          'x-forwarded-for': `198.51.100.${i % 250}`,
        },
      )
      statuses.push(answer.status)
    }
    expect(statuses.at(-1)).toBe(429)
  })

  it('is not taken from X-Forwarded-For by the site', async () => {
    const statuses: number[] = []
    for (let i = 0; i <= LIMIT; i += 1) {
      const answer = await send(site('/signups'), {
        method: 'POST',
        from: '127.0.0.42',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: inject('siteUrl'),
          'x-forwarded-for': `198.51.100.${i % 250}`,
        },
        body: 'code=ZZZZZZ&digits=0000',
      })
      statuses.push(answer.status)
      void i
    }
    expect(statuses.at(-1)).toBe(429)
    const spoofed = await postForm('/signups', { code: 'ZZZZZZ', digits: '0000' }, '127.0.0.42')
    expect(spoofed.status).toBe(429)
  })
})

describe("a sign-up's code", () => {
  it('stops answering after a few wrong digits, from any address; staff can still act', async () => {
    const eventId = await makeEvent('猜号码测试')
    const created = await postJson(
      `/api/events/${eventId}/register`,
      { name: '周阿姨', phone: '13912345678', partySize: 1, consent: true },
      '127.0.0.43',
    )
    expect(created.status).toBe(201)
    const code = created.json.code as string
    // A guesser changes address for every try.
    for (let i = 0; i < 6; i += 1) {
      const wrong = await postJson(
        '/api/registrations/lookup',
        { code, phone: `000${i}` },
        `127.0.0.${50 + i}`,
      )
      expect(wrong.status).not.toBe(200)
    }
    const right = await postJson('/api/registrations/lookup', { code, phone: '5678' }, '127.0.0.60')
    expect(right.status).toBeGreaterThanOrEqual(400)
    expect(right.text).not.toContain('周阿姨')
    const cancel = await postJson('/api/registrations/cancel', { code, phone: '5678' }, '127.0.0.61')
    expect(cancel.status).toBeGreaterThanOrEqual(400)
    const onPage = await postForm('/signups', { code, digits: '5678', action: 'cancel' }, '127.0.0.62')
    expect(onPage.status).toBeGreaterThanOrEqual(400)

    // The centre's staff can still act for the resident.
    const { json } = await api(
      'centre-staff',
      'GET',
      `/api/registrations?where[code][equals]=${code}&depth=0`,
    )
    const id = (json.docs as Array<{ id: number }>)[0]!.id
    const cancelled = await api('centre-staff', 'PATCH', `/api/registrations/${id}`, { status: 'cancelled' })
    expect(cancelled.status).toBe(200)
  })
})
