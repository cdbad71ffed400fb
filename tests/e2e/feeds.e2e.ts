import ical from 'node-ical'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { SITEMAP_PAST_DAYS } from '../../cms/rules/upcoming'
import { launchBrowser } from './browser'
import { api, findAll, publishEvent } from './rest'

const DAY = 86_400_000
/** Events this close to a window's edge may fall either side between two requests. */
const MARGIN = 2 * 60_000

type CmsEvent = { id: number; title: string; centre: number; start: string; end: string; status: string }
type Doc = { id: number; slug: string; updatedAt: string }

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function get(path: string): Promise<{ status: number; type: string; cache: string; text: string }> {
  const response = await fetch(`${inject('siteUrl')}${path}`)
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    cache: response.headers.get('cache-control') ?? '',
    text: await response.text(),
  }
}

function vevents(text: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter(
    (component): component is ical.VEvent => component?.type === 'VEVENT',
  )
}

const eventIdOf = (uid: string) => Number(/^event-(\d+)@mulin$/.exec(uid)?.[1])
const text = (value: unknown) =>
  typeof value === 'object' && value !== null && 'val' in value ? String(value.val) : String(value ?? '')

/** Published events as the public sees them over REST, not over and starting before `until`. */
async function publishedEvents(from: number, until: number, centreId?: number): Promise<CmsEvent[]> {
  const where = [
    `where[and][0][end][greater_than]=${encodeURIComponent(new Date(from).toISOString())}`,
    `where[and][1][start][less_than]=${encodeURIComponent(new Date(until).toISOString())}`,
    ...(centreId ? [`where[and][2][centre][equals]=${centreId}`] : []),
  ].join('&')
  const { status, docs } = await findAll('anonymous', `/api/events?${where}&depth=0&sort=start`)
  expect(status).toBe(200)
  return docs as unknown as CmsEvent[]
}

/**
 * The feed must hold exactly the CMS's events for its window. The feed's clock and ours differ
 * by a moment, so events within a minute or two of an edge are allowed either way.
 */
async function expectWindow(feed: ical.VEvent[], days: number, centreId?: number): Promise<CmsEvent[]> {
  const now = Date.now()
  const widest = await publishedEvents(now - MARGIN, now + days * DAY + MARGIN, centreId)
  const byId = new Map(widest.map((event) => [event.id, event]))
  const onEdge = (event: CmsEvent) =>
    Date.parse(event.end) <= now + MARGIN || Date.parse(event.start) >= now + days * DAY - MARGIN
  const feedIds = feed.map((entry) => eventIdOf(entry.uid))
  for (const id of feedIds) expect(byId.has(id), `event ${id} is a published event of the window`).toBe(true)
  const expected = widest.filter((event) => !onEdge(event) || feedIds.includes(event.id)).map((e) => e.id)
  expect(feedIds.length).toBe(expected.length)
  expect([...feedIds].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
  for (const entry of feed) {
    const event = byId.get(eventIdOf(entry.uid))!
    expect(entry.status).toBe(event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED')
    // iCalendar times are to the second.
    const seconds = (value: string | Date) => Math.floor(new Date(value).getTime() / 1000)
    expect(seconds(entry.start)).toBe(seconds(event.start))
    expect(seconds(entry.end!)).toBe(seconds(event.end))
  }
  return widest
}

async function centreBySlug(slug: string): Promise<{ id: number; name: string; neighbourhoods: number[] }> {
  const { json } = await api('anonymous', 'GET', `/api/centres?where[slug][equals]=${slug}&limit=1&depth=0`)
  return (json.docs as Array<{ id: number; name: string; neighbourhoods: number[] }>)[0]!
}

/** Every published document of a collection, as the public sees it over REST. */
async function publishedDocs(collection: string): Promise<{ docs: Doc[]; total: number }> {
  // Events: those the sitemap lists (cms/rules/upcoming.ts), not over or over within 90 days.
  const since = new Date(Date.now() - SITEMAP_PAST_DAYS * DAY).toISOString()
  const where = collection === 'events' ? `&where[end][greater_than]=${since}` : ''
  const { status, docs, totalDocs } = await findAll('anonymous', `/api/${collection}?depth=0${where}`)
  expect(status).toBe(200)
  return { docs: docs as unknown as Doc[], total: totalDocs }
}

/** Whether Chromium's XML parser accepts the text: a real well-formedness check, no extra library. */
async function wellFormedXml(xml: string): Promise<boolean> {
  const page = await browser.newPage()
  const ok = await page.evaluate(
    (source) =>
      new DOMParser().parseFromString(source, 'application/xml').getElementsByTagName('parsererror')
        .length === 0,
    xml,
  )
  await page.close()
  return ok
}

describe('the calendar feeds', () => {
  it('lists every coming published event of the next 60 days, a cancellation marked as such', async () => {
    const centre = await centreBySlug('siping-road')
    const start = new Date(Date.now() + 3 * DAY)
    start.setUTCMinutes(0, 0, 0)
    const title = `已取消的测试活动${Date.now().toString(36)}`
    const created = await api('district-admin', 'POST', '/api/events', {
      title,
      centre: centre.id,
      category: 'talk',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      capacity: 10,
      maxPartySize: 1,
      status: 'cancelled',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const cancelledId = (created.json.doc as { id: number }).id

    const feed = await get('/events.ics')
    expect(feed.status).toBe(200)
    expect(feed.type).toBe('text/calendar; charset=utf-8')
    expect(feed.cache).toMatch(/public, max-age=\d+/)
    expect(feed.text).toContain('X-WR-CALNAME:睦邻活动')
    const entries = vevents(feed.text)
    expect(entries.length).toBeGreaterThan(0)
    await expectWindow(entries, 60)

    const cancelled = entries.find((entry) => entry.uid === `event-${cancelledId}@mulin`)
    expect(cancelled?.status).toBe('CANCELLED')
    expect(text(cancelled?.summary)).toContain(title)
    expect(text(cancelled?.location)).toContain(centre.name)
    expect(text(cancelled?.url)).toBe(`${inject('siteUrl')}/events/${cancelledId}`)

    const scheduled = entries.find((entry) => entry.status === 'CONFIRMED')!
    expect(text(scheduled.description)).toMatch(/剩余名额|名额已满/)
    expect(text(scheduled.description)).toContain(`${inject('siteUrl')}/events/${eventIdOf(scheduled.uid)}`)
  })

  it('shows a sign-up in the seats of the calendar at once (only the events’ own text is kept)', async () => {
    const centre = await centreBySlug('siping-road')
    const start = new Date(Date.now() + 4 * DAY)
    const id = await publishEvent(centre.id, `日历名额${Date.now().toString(36)}`, start, { capacity: 7 })
    const seatsLine = async () =>
      text(
        vevents((await get('/events.ics')).text).find((entry) => entry.uid === `event-${id}@mulin`)
          ?.description,
      )
    expect(await seatsLine()).toContain('剩余名额：7 个')
    const signUp = await fetch(`${inject('cmsUrl')}/api/events/${id}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '日历测试', phone: '13911117777', partySize: 1, consent: true }),
    })
    expect(signUp.status).toBe(201)
    expect(await seatsLine()).toContain('剩余名额：6 个')
  })

  it('gives one centre its own calendar, holding only that centre’s events', async () => {
    const centre = await centreBySlug('siping-road')
    const feed = await get('/centres/siping-road.ics')
    expect(feed.status).toBe(200)
    expect(feed.type).toBe('text/calendar; charset=utf-8')
    expect(feed.text).toContain(`X-WR-CALNAME:${centre.name}`)
    const entries = vevents(feed.text)
    expect(entries.length).toBeGreaterThan(0)
    const events = await expectWindow(entries, 60, centre.id)
    expect(events.every((event) => event.centre === centre.id)).toBe(true)
    for (const entry of entries) expect(text(entry.location)).toContain(centre.name)

    expect((await get('/centres/no-such-centre.ics')).status).toBe(404)
  })
})

describe('the sitemap', () => {
  it('lists every published page with its date and language versions, month by month, and never a draft', async () => {
    const stamp = Date.now().toString(36)
    const centre = await centreBySlug('siping-road')
    const draftCentre = await api('district-admin', 'POST', '/api/centres?draft=true', {
      name: `草稿中心${stamp}`,
      slug: `e2e-feed-draft-${stamp}`,
      subDistrict: ((await api('anonymous', 'GET', '/api/sub-districts?limit=1')).json.docs as Doc[])[0]!.id,
      _status: 'draft',
    })
    expect(draftCentre.status).toBe(201)
    const draftConvention = await api('district-admin', 'POST', '/api/conventions?draft=true', {
      title: `草稿公约${stamp}`,
      slug: `e2e-feed-draft-convention-${stamp}`,
      type: 'residents',
      status: 'consultation',
      scope: 'neighbourhood',
      centre: centre.id,
      neighbourhood: centre.neighbourhoods[0],
      _status: 'draft',
    })
    expect(draftConvention.status).toBe(201)

    // An index (sitemaps.org) of the pages' sitemap and one per month of events: every part is
    // fetched, and together they must list exactly what the public may read.
    const index = await get('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.type).toMatch(/^application\/xml/)
    await expect(wellFormedXml(index.text)).resolves.toBe(true)
    expect(index.text).toContain('<sitemapindex')
    const site = inject('siteUrl')
    const parts = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(parts[0]).toBe(`${site}/sitemaps/pages.xml`)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts.slice(1)) expect(part).toMatch(/\/sitemaps\/events-\d{4}-\d{2}\.xml$/)
    const texts: string[] = []
    for (const part of parts) {
      const child = await get(part.slice(site.length))
      expect(child.status, part).toBe(200)
      expect(child.type).toMatch(/^application\/xml/)
      await expect(wellFormedXml(child.text)).resolves.toBe(true)
      texts.push(child.text)
    }
    expect((await get('/sitemaps/events-1999-01.xml')).status).toBe(404)
    const sitemap = { text: texts.join('\n') }
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(locs.every((loc) => loc.startsWith(`${site}/`))).toBe(true)
    const paths = locs.map((loc) => loc.slice(site.length))
    const under = (prefix: string) =>
      paths
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length))
        .sort()

    for (const [collection, prefix, key] of [
      ['centres', '/centres/', 'slug'],
      ['events', '/events/', 'id'],
      ['conventions', '/conventions/', 'slug'],
      ['projects', '/projects/', 'slug'],
      ['case-studies', '/case-studies/', 'slug'],
    ] as const) {
      const { docs, total } = await publishedDocs(collection)
      expect(total).toBeGreaterThan(0)
      expect(under(prefix).length, `${collection} in the sitemap`).toBe(total)
      expect(under(prefix)).toEqual(docs.map((doc) => String(doc[key])).sort())
    }
    const centres = (await publishedDocs('centres')).docs
    expect(under('/en/centres/')).toEqual(centres.map((doc) => doc.slug).sort())
    expect(under('/en/projects/').filter((slug) => !slug.startsWith('awards/'))).toEqual(
      (await publishedDocs('projects')).docs.map((doc) => doc.slug).sort(),
    )
    expect(under('/en/case-studies/')).toEqual(
      (await publishedDocs('case-studies')).docs.map((doc) => doc.slug).sort(),
    )
    for (const page of ['/', '/centres', '/events', '/conventions', '/projects', '/stars', '/case-studies'])
      expect(paths, page).toContain(page)
    for (const page of [
      '/en/',
      '/en/centres',
      '/en/events',
      '/en/conventions',
      '/en/projects',
      '/en/stars',
      '/en/case-studies',
    ])
      expect(paths, page).toContain(page)

    expect(sitemap.text).not.toContain(`e2e-feed-draft-${stamp}`)
    expect(sitemap.text).not.toContain(`e2e-feed-draft-convention-${stamp}`)

    // A centre's entry carries its last change and names both language versions.
    const siping = centres.find((doc) => doc.slug === 'siping-road')!
    const entry = /<url>\s*<loc>[^<]*\/centres\/siping-road<\/loc>[\s\S]*?<\/url>/.exec(sitemap.text)?.[0]
    expect(entry).toContain(`<lastmod>${new Date(siping.updatedAt).toISOString()}</lastmod>`)
    expect(entry).toContain(`hreflang="en" href="${site}/en/centres/siping-road"`)
    expect(entry).toContain(`hreflang="zh-CN" href="${site}/centres/siping-road"`)
  })

  it('is named in robots.txt, which keeps crawlers out of preview and care links', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.type).toMatch(/^text\/plain/)
    expect(robots.text).toContain(`Sitemap: ${inject('siteUrl')}/sitemap.xml`)
    expect(robots.text).toMatch(/^Disallow: \/preview$/m)
    expect(robots.text).toMatch(/^Disallow: \/care$/m)
  })
})

describe('the RSS feed', () => {
  it('is well-formed RSS 2.0 with absolute links to the coming events and the latest case study', async () => {
    const rss = await get('/rss.xml')
    expect(rss.status).toBe(200)
    expect(rss.type).toMatch(/^application\/rss\+xml/)
    expect(rss.text).toContain('<rss version="2.0"')
    await expect(wellFormedXml(rss.text)).resolves.toBe(true)
    const items = rss.text.match(/<item>[\s\S]*?<\/item>/g) ?? []
    expect(items.length).toBeGreaterThan(0)
    const links = items.map((item) => /<link>([^<]+)<\/link>/.exec(item)?.[1] ?? '')
    for (const link of links) expect(link).toMatch(new RegExp(`^${inject('siteUrl')}/`))

    const latestCase = (await api('anonymous', 'GET', '/api/case-studies?sort=-updatedAt&limit=1&depth=0'))
      .json.docs as Doc[]
    expect(links).toContain(`${inject('siteUrl')}/case-studies/${latestCase[0]!.slug}`)
    const now = Date.now()
    const soon = (await publishedEvents(now + MARGIN, now + 14 * DAY - MARGIN)).filter(
      (event) => event.status === 'scheduled',
    )
    // The soonest hundred (src/pages/rss.xml.ts): all of them on the demo district.
    for (const event of soon.slice(0, 100)) expect(links).toContain(`${inject('siteUrl')}/events/${event.id}`)
  })
})
