/**
 * Personal data (names and phones of residents, contacts of delegations, staff accounts) never
 * reaches the public, by REST or GraphQL; logins lock after five wrong passwords.
 */
import { describe, expect, inject, it } from 'vitest'

import { api } from './rest'

const SEEDED_PHONE = /1390000\d{4}/

describe('the public API', () => {
  it.each(['registrations', 'visit-requests', 'users'])(
    'refuses anonymous GET /api/%s without leaking anything',
    async (collection) => {
      const { status, json } = await api('anonymous', 'GET', `/api/${collection}?limit=100&depth=2`)
      expect(status).toBe(403)
      const text = JSON.stringify(json)
      expect(text).not.toMatch(SEEDED_PHONE)
      expect(text).not.toContain('@mulin.demo')
      expect(text).not.toContain('docs')
    },
  )

  it('gives no personal data through GraphQL either', async () => {
    const response = await fetch(`${inject('cmsUrl')}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ Registrations(limit: 50) { docs { name phone code } } VisitRequests { docs { contactName phone email } } Users { docs { email name } } }',
      }),
    })
    const text = await response.text()
    expect(text).not.toMatch(SEEDED_PHONE)
    expect(text).not.toContain('@mulin.demo')
    expect(text).not.toContain('@example.cn')
    const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] }
    for (const value of Object.values(body.data ?? {})) expect(value).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
  })

  it('does not let a published event expose who signed up for it', async () => {
    // Every page of events (the API serves at most 100 a page).
    for (let page = 1; page <= 3; page += 1) {
      const { json } = await api('anonymous', 'GET', `/api/events?limit=100&page=${page}&depth=3`)
      expect(JSON.stringify(json)).not.toMatch(SEEDED_PHONE)
    }
  })
})

describe('staff logins', () => {
  it('lock after five wrong passwords', async () => {
    const email = `lock-${Date.now().toString(36)}@mulin.test`
    const created = await api('district-admin', 'POST', '/api/users', {
      email,
      password: 'the-right-password',
      name: '锁定测试',
      roles: ['centre-staff'],
    })
    expect(created.status).toBe(201)
    const login = (password: string) =>
      fetch(`${inject('cmsUrl')}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    expect((await login('the-right-password')).status).toBe(200)
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login('wrong')).status).toBe(401)
    // Even the right password is refused now.
    expect((await login('the-right-password')).status).not.toBe(200)
  })

  it('set the session cookie HttpOnly and SameSite=Lax', async () => {
    const response = await fetch(`${inject('cmsUrl')}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'yanji@mulin.demo', password: inject('demoPassword') }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })
})
