/**
 * Finding 10: 500 instead of 4xx for a JSON or empty body posted to the site's forms, a GraphQL
 * fragment cycle, anonymous `{ Access { canAccessAdmin } }` and a double-encoded path in
 * /api/media/file/.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { makeEvent } from './fixtures'
import { cms, graphql, send, site } from './http'

let eventId: number
beforeAll(async () => {
  eventId = await makeEvent('错误码测试')
})

describe('hostile requests get a 4xx with a message, never a 500', () => {
  it('a JSON or empty body posted to a form page', async () => {
    for (const path of ['/visits', '/signups', `/events/${eventId}`, '/en/visits']) {
      for (const [type, body] of [
        ['application/json', '{"name":"x"}'],
        ['application/json', ''],
        [undefined, ''],
        ['multipart/form-data; boundary=zzz', 'not multipart'],
      ] as const) {
        const answer = await send(site(path), {
          method: 'POST',
          from: '127.0.0.100',
          headers: { origin: inject('siteUrl'), ...(type ? { 'content-type': type } : {}) },
          body,
        })
        expect(answer.status, `${path} ${type}`).toBeGreaterThanOrEqual(400)
        expect(answer.status, `${path} ${type}`).toBeLessThan(500)
        expect(answer.text.length).toBeGreaterThan(0)
      }
    }
  })

  it('a GraphQL fragment cycle', async () => {
    const answer = await graphql(
      'query { Events(limit: 1) { docs { ...A } } } fragment A on Event { id ...B } fragment B on Event { title ...A }',
    )
    expect(answer.status).toBe(400)
    expect(answer.text).toMatch(/cycle|spread|fragment/i)
  })

  it('anonymous access policies', async () => {
    const answer = await graphql('{ Access { canAccessAdmin } }')
    expect(answer.status).toBeLessThan(500)
    expect(answer.text).not.toMatch(/Something went wrong/)
  })

  it('a double-encoded path in the media file route', async () => {
    for (const path of [
      '/api/media/file/..%252f.payload-secret',
      '/api/media/file/..%252f..%252fpackage.json',
      '/api/media/file/%2e%2e%2f.payload-secret',
    ]) {
      const answer = await send(cms(path))
      expect(answer.status, path).toBeGreaterThanOrEqual(400)
      expect(answer.status, path).toBeLessThan(500)
    }
  })
})
