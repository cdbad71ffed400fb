/**
 * Finding 6: no security headers on the site, the admin or the API. The site ships (almost) no
 * script, so its policy is strict; the admin gets what it needs; nobody may frame either.
 */
import { describe, expect, it } from 'vitest'

import { makeEvent } from './fixtures'
import { cms, postJson, send, site } from './http'

function directives(csp: unknown): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of String(csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values.join(' '))
  }
  return map
}

describe('security headers', () => {
  it('the site: a strict policy, no framing, nosniff', async () => {
    for (const path of ['/', '/events', '/en/centres', '/no-such-page']) {
      const answer = await send(site(path))
      const csp = directives(answer.headers['content-security-policy'])
      expect(csp.get('default-src'), path).toBe("'self'")
      expect(csp.get('script-src') ?? '', path).not.toContain("'unsafe-inline'")
      expect(csp.get('script-src') ?? '', path).not.toContain("'unsafe-eval'")
      expect(csp.get('object-src'), path).toBe("'none'")
      expect(csp.get('frame-ancestors'), path).toBe("'none'")
      expect(csp.get('base-uri'), path).toBe("'self'")
      expect(csp.get('form-action'), path).toBe("'self'")
      expect(answer.headers['x-frame-options'], path).toBe('DENY')
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff')
      expect(answer.headers['referrer-policy'], path).toBeDefined()
      // Served over plain HTTP here: HSTS would be ignored, and is not sent.
      expect(answer.headers['strict-transport-security'], path).toBeUndefined()
    }
  })

  it('pages carrying a sign-up code never send it to another site', async () => {
    const eventId = await makeEvent('头信息测试')
    const created = await postJson(
      `/api/events/${eventId}/register`,
      { name: '钱先生', phone: '13912349876', partySize: 1, consent: true },
      '127.0.0.70',
    )
    expect(created.status).toBe(201)
    const code = created.json.code as string
    // Pages with a code send a referrer only to the site itself: their forms post back (look-up,
    // cancel, no more messages, feedback), and without a referrer a browser sends `Origin: null`,
    // which the check of cross-site posts refuses.
    for (const path of [
      '/signups',
      `/signups?code=${code}`,
      `/signups/${code}`,
      `/signups/${code}/feedback`,
    ]) {
      expect((await send(site(path))).headers['referrer-policy'], path).toBe('same-origin')
    }
  })

  it('the admin: framing refused, a policy, nosniff', async () => {
    const answer = await send(cms('/admin/login'))
    expect(answer.status).toBeLessThan(400)
    const csp = directives(answer.headers['content-security-policy'])
    expect(csp.get('frame-ancestors')).toBe("'none'")
    expect(csp.get('object-src')).toBe("'none'")
    expect(answer.headers['x-frame-options']).toBe('DENY')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBeDefined()
  })

  it('the API and uploaded files: nosniff, no framing', async () => {
    for (const path of ['/api/events?limit=1', '/api/graphql']) {
      const answer = await send(
        cms(path),
        path.endsWith('graphql')
          ? {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"query":"{ Events(limit: 1) { totalDocs } }"}',
            }
          : {},
      )
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff')
      expect(answer.headers['x-frame-options'], path).toBe('DENY')
    }
  })
})
