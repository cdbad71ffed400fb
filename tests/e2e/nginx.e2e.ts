/**
 * deploy/nginx.conf as shipped, run by Debian's nginx in front of the test portal (only the host
 * name, ports, certificate and cache paths swapped for test ones): TLS, the redirect from HTTP,
 * compression, the micro-cache obeying the portal's Cache-Control, the request id passed on, the
 * body size limit, the admin on the same host, and a resident signing up through it.
 */
import { request as plainRequest } from 'node:http'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { type Proxy, startNginx } from './nginx-proxy'
import { api, findOne } from './rest'

let proxy: Proxy
let httpPort = 0
let httpsPort = 0
const send: Proxy['send'] = (...args) => proxy.send(...args)

beforeAll(async () => {
  // The shared test portal trusts no proxy, so it counts the form rate limit per connecting
  // address: the proxy connects from one of its own, not the 127.0.0.1 every other test uses.
  proxy = await startNginx(inject('siteUrl'), inject('cmsUrl'), '127.0.0.88')
  ;({ httpPort, httpsPort } = proxy)
}, 60_000)

afterAll(() => proxy?.stop())

describe('the portal behind deploy/nginx.conf', () => {
  it('redirects plain HTTP to HTTPS', async () => {
    const status = await new Promise<{ code?: number; location?: string }>((resolve, reject) =>
      plainRequest(
        { host: '127.0.0.1', port: httpPort, path: '/centres', headers: { host: 'localhost' } },
        (res) => resolve({ code: res.statusCode, location: res.headers.location }),
      )
        .on('error', reject)
        .end(),
    )
    expect(status).toEqual({ code: 301, location: 'https://localhost/centres' })
  })

  it('compresses pages, keeps public ones 15 s in its micro-cache and passes its request id on', async () => {
    const route = `/centres?nginx-test=${Date.now()}`
    const first = await send('GET', route, { 'accept-encoding': 'gzip' })
    expect(first.status).toBe(200)
    expect(first.headers['content-encoding']).toBe('gzip')
    expect(first.headers['x-cache-status']).toBe('MISS')
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/) // nginx's $request_id, kept by the portal
    const second = await send('GET', route, { 'accept-encoding': 'gzip' })
    expect(second.headers['x-cache-status']).toBe('HIT')
    // Never cached: health, and anything the portal marks private.
    const health = await send('GET', '/health/ready')
    expect(health.headers['x-cache-status']).toBeUndefined()
    expect(health.headers['cache-control']).toBe('no-store')
  })

  it('serves the admin and the API on the same host name', async () => {
    const admin = await send('GET', '/admin/login')
    expect(admin.status).toBe(200)
    expect(admin.body).toContain('/_next/')
    const script = /\/_next\/static\/[^"]+\.js/.exec(admin.body)?.[0]
    expect((await send('GET', script!)).status).toBe(200)
    expect((await send('GET', '/api/health/ready')).status).toBe(200)
  })

  it('signs a resident up through the proxy, and refuses an oversized form before the portal reads it', async () => {
    const centre = await findOne('centres', 'where[_status][equals]=published')
    const start = new Date(Date.now() + 6 * 86_400_000)
    const created = await api('district-admin', 'POST', '/api/events', {
      title: `代理报名${Date.now()}`,
      centre: centre.id,
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity: 5,
      maxPartySize: 1,
      waitingList: true,
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const eventId = (created.json.doc as { id: number }).id
    const signup = await send(
      'POST',
      `/api/events/${eventId}/register`,
      { 'content-type': 'application/json' },
      JSON.stringify({ name: '代理测试', phone: '13955501234', partySize: 1, consent: true }),
    )
    expect(signup.status).toBe(201)
    const { code, status } = JSON.parse(signup.body) as { code: string; status: string }
    expect(status).toBe('confirmed')
    const page = await send('GET', `/signups/${code}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(code)
    expect(page.headers['x-cache-status']).not.toBe('HIT')

    // The site's own form through the proxy: its origin check sees the public https address only
    // when the portal trusts the proxy (TRUSTED_PROXIES=1, as the production guide says). The
    // shared test portal trusts none, so the forwarded address is ignored and the post refused.
    const form = await send(
      'POST',
      `/events/${eventId}`,
      { 'content-type': 'application/x-www-form-urlencoded', origin: `https://localhost:${httpsPort}` },
      new URLSearchParams({
        name: '代理表单',
        phone: '13955501235',
        partySize: '1',
        consent: 'on',
      }).toString(),
    )
    expect(form.status, form.body.slice(0, 200)).toBe(403)

    const huge = await send(
      'POST',
      `/events/${eventId}`,
      { 'content-type': 'application/x-www-form-urlencoded', origin: `https://localhost:${httpsPort}` },
      `name=${'x'.repeat(100_000)}`,
    )
    expect(huge.status).toBe(413)
  })
})
