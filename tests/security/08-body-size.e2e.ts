/**
 * Finding 8: no body size limits. A 50 MB name to the site's sign-up form came back as a 52 MB
 * page echoing it; the API read 50 MB before refusing. (2 MB here: enough to pass any limit.)
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { makeEvent } from './fixtures'
import { cms, postForm, send } from './http'

let eventId: number
const HUGE = 'x'.repeat(2 * 1024 * 1024)

beforeAll(async () => {
  eventId = await makeEvent('大小限制测试')
})

describe('body size limits', () => {
  it("the site's forms answer 413 with a plain message, echoing nothing", async () => {
    for (const path of [`/events/${eventId}`, '/signups', '/visits', `/en/visits`]) {
      const answer = await postForm(path, { name: HUGE, phone: '13912340000', consent: 'on' }, '127.0.0.80')
      expect(answer.status, path).toBe(413)
      expect(answer.text.length, path).toBeLessThan(20_000)
      expect(answer.text).not.toContain('xxxxxxxxxx')
    }
    const english = await postForm('/en/visits', { name: HUGE }, '127.0.0.80')
    expect(english.text).toMatch(/too large/i)
    const chinese = await postForm('/visits', { name: HUGE }, '127.0.0.80')
    expect(chinese.text).toMatch(/太大|过大|太长/)
  })

  it('a value over its own limit but within the body limit is not echoed either', async () => {
    const long = 'y'.repeat(20_000)
    const answer = await postForm(
      `/events/${eventId}`,
      { name: long, phone: '13912340000', consent: 'on' },
      '127.0.0.81',
    )
    expect([400, 413]).toContain(answer.status)
    expect(answer.text).not.toContain('y'.repeat(100))
  })

  it('the API answers 413 before reading the body', async () => {
    for (const path of [
      `/api/events/${eventId}/register`,
      '/api/registrations/lookup',
      '/api/graphql',
      '/api/users/login',
      '/api/events',
    ]) {
      const answer = await send(cms(path), {
        method: 'POST',
        from: '127.0.0.82',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: HUGE, phone: '13912340000', consent: true, query: HUGE, email: HUGE }),
      })
      expect(answer.status, path).toBe(413)
      expect(answer.text).not.toContain('xxxxxxxxxx')
      expect(answer.text.length).toBeLessThan(2_000)
    }
  })
})
