/**
 * The site's render cache (scripts/lib/page-cache.ts) in the running portal: pages come from
 * memory, compressed, with an ETag, and a change in the CMS (a sign-up, an edit) is on the very
 * next page.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { postJson, send, site } from '../security/http'
import { api, findOne } from './rest'

let eventId: number
let startDay: string
const stamp = Date.now()

beforeAll(async () => {
  const centre = (await findOne('centres', 'where[slug][equals]=siping-road')).id as number
  const start = new Date(Date.now() + 6 * 86_400_000)
  startDay = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10) // in Shanghai
  const { status, json } = await api('district-admin', 'POST', '/api/events', {
    title: `缓存测试讲座${stamp}`,
    centre,
    category: 'talk',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3600_000).toISOString(),
    capacity: 5,
    maxPartySize: 1,
    waitingList: true,
    _status: 'published',
  })
  expect(status, JSON.stringify(json)).toBe(201)
  eventId = (json.doc as { id: number }).id
})

const page = (path: string, headers: Record<string, string> = {}) => send(site(path), { headers })

describe('pages from the render cache', () => {
  it('serve a page from memory after its first visitor, compressed and tagged', async () => {
    await page(`/events/${eventId}`)
    const again = await page(`/events/${eventId}`, { 'accept-encoding': 'gzip, br' })
    expect(again.status).toBe(200)
    expect(again.headers['x-page-cache']).toBe('hit')
    expect(again.headers['content-encoding']).toBe('br')
    expect(again.headers.etag).toMatch(/^"/)
    const unchanged = await page(`/events/${eventId}`, { 'if-none-match': String(again.headers.etag) })
    expect(unchanged.status).toBe(304)
  })

  it('show a sign-up in the seats left on the very next request', async () => {
    expect((await page(`/events/${eventId}`)).text).toContain('还剩 5 个名额')
    // From an address of its own: the shared portal limits form attempts per address.
    const signed = await postJson(
      `/api/events/${eventId}/register`,
      { name: '缓存测试', phone: '13900001234', partySize: 1, consent: true },
      '127.0.0.93',
    )
    expect(signed.status, signed.text).toBe(201)
    expect((await page(`/events/${eventId}`)).text).toContain('还剩 4 个名额')
  })

  it('keep the pages that show no seats through a sign-up, and drop those that do', async () => {
    const steady = ['/conventions', '/case-studies', '/centres', '/stars', '/rss.xml']
    const live = ['/', `/events/${eventId}`, '/events', '/figures']
    for (const path of [...steady, ...live]) {
      await page(path)
      expect((await page(path)).headers['x-page-cache'], path).toBe('hit')
    }
    const signed = await postJson(
      `/api/events/${eventId}/register`,
      { name: '缓存测试二', phone: '13900001235', partySize: 1, consent: true },
      '127.0.0.94',
    )
    expect(signed.status, signed.text).toBe(201)
    for (const path of steady) {
      const answer = await page(path)
      expect(answer.headers['x-page-cache'], path).toBe('hit')
      expect(answer.headers['x-mulin-documents-only'], path).toBeUndefined()
    }
    for (const path of live) expect((await page(path)).headers['x-page-cache'], path).toBe('miss')
  })

  it("show a sign-up on the event's card in the lists, whose cards are kept between renders", async () => {
    const seatsOnCard = (html: string) =>
      html
        .slice(html.indexOf(`/events/${eventId}"`)) // /events/… or /en/events/…
        .match(/<(?:p|span) class="seats[^"]*"[^>]*>([^<]*)</)?.[1]
    const lists = [
      `/events?date=${startDay}`,
      `/events?view=week&date=${startDay}`,
      `/en/events?date=${startDay}`,
    ]
    const before = []
    for (const path of lists) {
      await page(path) // rendered once, so that its cards are kept
      before.push(seatsOnCard((await page(path)).text))
    }
    expect(before).toEqual(['剩余 3 个名额', '剩余 3 个名额', '3 seats left'])
    // Two sign-ups one after the other: each must show, not only the first after the lists were read.
    for (const [n, left] of [
      [6, 2],
      [7, 1],
    ] as const) {
      const signed = await postJson(
        `/api/events/${eventId}/register`,
        { name: `缓存测试${n}`, phone: `1390000123${n}`, partySize: 1, consent: true },
        `127.0.0.9${n}`,
      )
      expect(signed.status, signed.text).toBe(201)
      const after = []
      for (const path of lists) after.push(seatsOnCard((await page(path)).text))
      expect(after).toEqual([
        `剩余 ${left} 个名额`,
        `剩余 ${left} 个名额`,
        `${left} seat${left === 1 ? '' : 's'} left`,
      ])
    }
  })

  it('show an edit by staff on the very next request', async () => {
    await page(`/events?date=${new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)}`)
    const { status } = await api('district-admin', 'PATCH', `/api/events/${eventId}`, {
      title: `缓存测试讲座（改期）${stamp}`,
    })
    expect(status).toBe(200)
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) // a list of 14 days from here
    const list = await page(`/events?date=${day}`)
    expect(list.text).toContain(`缓存测试讲座（改期）${stamp}`)
  })

  it("answer care mode from memory too, and never one visitor's care mode to another", async () => {
    await page('/', { cookie: 'mulin_care=1' })
    await page('/')
    const care = await page('/', { cookie: 'mulin_care=1' })
    const plain = await page('/')
    expect(care.headers['x-page-cache']).toBe('hit')
    expect(care.text).toContain('<html lang="zh-CN" class="care"')
    expect(care.headers['cache-control']).toContain('private')
    expect(care.headers['x-mulin-care-variant']).toBeUndefined()
    expect(plain.headers['x-page-cache']).toBe('hit')
    expect(plain.text).not.toContain('class="care"')
    // A resident's own page stays personal in care mode too.
    await page('/signups', { cookie: 'mulin_care=1' })
    const own = await page('/signups', { cookie: 'mulin_care=1' })
    expect(own.headers['x-page-cache']).toBe('miss')
    expect(own.headers['cache-control']).toContain('no-store')
  })
})
