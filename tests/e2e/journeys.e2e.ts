/**
 * Issue 15: the journeys as they are lived on a phone (390×844). A resident finds the centre
 * nearest their neighbourhood, checks where its 导航 link leads, signs up and cancels (with a
 * second "are you sure?"), all without JavaScript; no page scrolls sideways in care mode; every
 * link and button is a tap target of 44 px (56 px in care mode).
 */
import type { Browser, Locator, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage } from './browser'
import { api, findOne } from './rest'

let browser: Browser
const stamp = Date.now().toString(36)
const site = (path: string) => `${inject('siteUrl')}${path}`
const text = async (page: Page | Locator, selector: string) =>
  (await page.locator(selector).first().textContent())?.trim()

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** An event at the Siping Road centre starting soon (first in its list), without a waiting list. */
async function eventSoonAtSiping(): Promise<{ id: number; title: string }> {
  const centre = (await findOne('centres', 'where[slug][equals]=siping-road')).id as number
  const start = new Date(Date.now() + 10 * 60_000)
  const title = `读报会${stamp}`
  const { status, json } = await api('district-admin', 'POST', '/api/events', {
    title,
    centre,
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3600_000).toISOString(),
    capacity: 10,
    maxPartySize: 2,
    waitingList: false,
    _status: 'published',
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return { id: (json.doc as { id: number }).id, title }
}

/** Links, buttons and form controls smaller than `min` px either way, and the page's sideways overflow. */
function measure(page: Page, min: number) {
  return page.evaluate((min) => {
    const targets = [
      ...document.querySelectorAll('a[href], button, summary, select, input:not([type=hidden])'),
    ]
      .filter((e) => e.checkVisibility() && !e.closest('.skip-link, .honeypot'))
      // A checkbox is tapped through its label.
      .map((e) =>
        e instanceof HTMLInputElement && e.type === 'checkbox' && e.closest('label')
          ? e.closest('label')!
          : e,
      )
    const small = targets
      .map((e) => ({ e, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.height < min - 0.5 || box.width < min - 0.5)
      .map(
        ({ e, box }) =>
          `${e.tagName} "${(e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      )
    // What sticks out, so that a failure says where: the innermost element past the right edge.
    const clipped = (e: Element): boolean =>
      Boolean(e.parentElement) &&
      (['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(e.parentElement!).overflowX) ||
        clipped(e.parentElement!))
    const past = [...document.querySelectorAll('body *')].filter(
      (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.checkVisibility() && !clipped(e),
    )
    const culprit = past.filter((e) => !past.some((other) => other !== e && e.contains(other))).at(0)
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      small,
      culprit: culprit
        ? `${culprit.tagName.toLowerCase()}.${String(culprit.getAttribute('class'))} "${(culprit.textContent ?? '').trim().slice(0, 30)}" ${Math.round(culprit.getBoundingClientRect().right)} px`
        : '',
    }
  }, min)
}

describe('a resident on a phone finds the nearest centre, signs up and cancels', () => {
  it('from the home page, without JavaScript', async () => {
    const event = await eventSoonAtSiping()
    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(site('/'))
    // 鞍山五村 is served by the Siping Road centre, which stands in it.
    const option = page.locator('#near option', { hasText: '鞍山五村' })
    await page.selectOption('#near', (await option.getAttribute('value'))!)
    await page.click('text=按远近排列')
    await page.waitForURL(/\/centres\?near=\d+/)
    await expect(text(page, '.result-count')).resolves.toContain('按离鞍山五村的远近排列')
    const first = page.locator('.card-list > li').first()
    await expect(text(first, 'h2')).resolves.toBe('四平路街道睦邻中心')
    await expect(text(first, '.distance')).resolves.toBe('不到 100 米')
    // Distances grow down the list.
    const distances = await page.locator('.card-list .distance').allTextContents()
    const metres = distances.map((d) =>
      d.includes('公里') ? Number(d.match(/[\d.]+/)![0]) * 1000 : Number(d.match(/\d+/)![0]),
    )
    expect(metres.slice(1)).toEqual([...metres.slice(1)].sort((a, b) => a - b))
    // The map's pins are labelled links to their centres.
    await expect(
      page.locator('.centres-map a.pin[href="/centres/siping-road"]').getAttribute('aria-label'),
    ).resolves.toBe('四平路街道睦邻中心')

    await first.locator('h2 a').click()
    await page.waitForURL(/\/centres\/siping-road$/)
    await expect(text(page, '#where + p')).resolves.toContain('在杨浦区四平路街道')
    // 导航 opens Amap at the centre, in GCJ-02: WGS-84 31.2836 N 121.5087 E shifted ~0.0044° east, ~0.002° south.
    const navigate = page.locator('a[data-map-app]')
    await expect(navigate.textContent()).resolves.toContain('导航')
    const target = new URL((await navigate.getAttribute('href'))!)
    expect(`${target.origin}${target.pathname}`).toBe('https://uri.amap.com/marker')
    expect(target.searchParams.get('coordinate')).toBe('gaode')
    expect(target.searchParams.get('name')).toBe('四平路街道睦邻中心')
    const [lng, lat] = target.searchParams.get('position')!.split(',').map(Number)
    expect(lng! - 121.5087).toBeCloseTo(0.0044, 3)
    expect(lat! - 31.2836).toBeCloseTo(-0.002, 3)
    await expect(page.locator('.mini-map svg a').count()).resolves.toBeGreaterThan(0)

    await page.click(`a[href="/events/${event.id}"]`)
    await page.fill('#field-name', '周阿婆')
    await page.fill('#field-phone', '13912345151')
    await page.check('input[name=consent]')
    await page.click('#signup button[type=submit]')
    // The form posts to the event page's #signup; the browser keeps that fragment across the redirect.
    await page.waitForURL(/\/signups\/[0-9A-Z]{6}(#[\w-]*)?$/)
    const code = page.url().match(/\/signups\/([0-9A-Z]+)/)![1]!
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    await expect(page.locator('text=把活动时间存进手机日历').count()).resolves.toBe(1)
    // The spaced code stays on one line, in care mode too, without pushing the page sideways.
    for (const care of [false, true]) {
      await page.goto(site(`/care?on=${care ? 1 : 0}&next=/signups/${code}`))
      const line = await page.locator('.signup-summary .code').evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return range.getClientRects().length
      })
      expect(line, care ? 'care mode' : 'standard').toBe(1)
      expect((await measure(page, care ? 56 : 44)).overflow).toBe(0)
    }
    await page.goto(site('/care?on=0&next=/'))
    await page.goto(site(`/signups/${code}`))
    // No waiting list here: nobody is waiting for the seat.
    await expect(page.locator('.signup-summary').textContent()).resolves.not.toContain('候补')

    await page.click(`a[href="/signups?code=${code}"]`)
    await page.fill('#field-digits', '5151')
    await page.click('button[type=submit]')
    await page.click('.cancel-form button')
    await expect(text(page, 'h1')).resolves.toBe('确定要取消报名吗？')
    await expect(page.locator('main').textContent()).resolves.not.toContain('候补')
    // Still confirmed until the resident says yes.
    expect((await page.goto(site(`/signups/${code}`)))?.status()).toBe(200)
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    // Back to the question (the confirmation was a posted page, which a browser will not resend).
    await page.goto(site(`/signups?code=${code}`))
    await page.fill('#field-digits', '5151')
    await page.click('button[type=submit]')
    await page.click('.cancel-form button')
    await page.click('button.danger')
    await expect(text(page, '.notice')).resolves.toBe('已为您取消报名。名额会空出来，其他居民可以报名。')
    await expect(text(page, '.headline')).resolves.toBe('报名已取消')
    await page.close()
  }, 180_000)
})

describe('reading on a phone', () => {
  const PAGES = [
    '/',
    '/centres/siping-road',
    '/events?view=month',
    '/signups',
    '/figures',
    '/projects',
    '/conventions',
    '/visits',
    '/en/centres/siping-road',
    '/en/stars',
    '/en/events?view=month',
    '/en/conventions',
    '/en/projects',
  ]

  it('has every link and button at least 44 px, and 56 px with no sideways scrolling in care mode', async () => {
    const near = await findOne('neighbourhoods', 'where[name][equals]=鞍山五村')
    const pages = [...PAGES, `/centres?near=${near.id as number}`]
    const problems: string[] = []
    for (const care of [false, true]) {
      const page = await openPage(browser)
      if (care) await page.goto(site('/care?on=1&next=/'))
      for (const path of pages) {
        await page.goto(site(path))
        const { overflow, small, culprit } = await measure(page, care ? 56 : 44)
        if (overflow > 0)
          problems.push(`${care ? 'care ' : ''}${path}: scrolls ${overflow} px sideways (${culprit})`)
        if (small.length > 0) problems.push(`${care ? 'care ' : ''}${path}: ${small.join('; ')}`)
      }
      await page.close()
    }
    expect(problems).toEqual([])
  }, 180_000)

  it("prints every name on a centre's sketch map whole and apart, in both languages and in care mode", async () => {
    // 长白新村: a neighbour stands just north of the centre, and its English names are long; 正通's
    // neighbour 国权北 has an English name longer than the map is wide.
    const problems: string[] = []
    for (const care of [false, true]) {
      const page = await openPage(browser)
      if (care) await page.goto(site('/care?on=1&next=/'))
      for (const path of [
        '/centres/changbai-xincun',
        '/en/centres/changbai-xincun',
        '/centres/siping-road',
        '/en/centres/wujiaochang-zhengtong',
      ]) {
        await page.goto(site(path))
        const found = await page.locator('.mini-map svg').evaluate((svg) => {
          const map = svg.getBoundingClientRect()
          const labels = [...svg.querySelectorAll('text')].map((t) => ({
            name: t.textContent?.trim() ?? '',
            box: t.getBoundingClientRect(),
          }))
          const out = labels
            .filter(({ box }) => box.left < map.left || box.right > map.right)
            .map((l) => l.name)
          const over: string[] = []
          labels.forEach((a, i) =>
            labels.slice(i + 1).forEach((b) => {
              const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
              const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
              // Text boxes include some space above and below the letters: a little overlap is none.
              if (x > 2 && y > 0.3 * Math.min(a.box.height, b.box.height)) over.push(`${a.name} / ${b.name}`)
            }),
          )
          return { out, over }
        })
        const where = `${care ? 'care ' : ''}${path}`
        for (const name of found.out) problems.push(`${where}: "${name}" runs off the map`)
        for (const pair of found.over) problems.push(`${where}: ${pair} print over each other`)
      }
      await page.close()
    }
    expect(problems).toEqual([])
  })

  it('reaches every section from the top navigation without swiping', async () => {
    const page = await openPage(browser)
    await page.goto(site('/'))
    const links = page.locator('.site-header nav a')
    expect(await links.count()).toBeGreaterThanOrEqual(9)
    for (const box of await links.evaluateAll((all) => all.map((a) => a.getBoundingClientRect().toJSON()))) {
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(390)
    }
    await page.close()
  })
})

describe('small things a phone shows', () => {
  it('has a favicon where browsers look for one', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png']) {
      const response = await fetch(site(path))
      expect(response.status, path).toBe(200)
    }
  })

  it('names the centre of every event in the month view', async () => {
    const page = await openPage(browser)
    await page.goto(site('/events?view=month'))
    const entries = page.locator('.month .cal-events > li')
    expect(await entries.count()).toBeGreaterThan(0)
    const where = await entries.evaluateAll((all) =>
      all.map((li) => li.querySelector('.month-where')?.textContent),
    )
    // Every event names its centre (other tests add centres and events of their own).
    expect(
      where.filter((name) => !name?.trim()),
      'events in the month view without a centre name',
    ).toEqual([])
    await page.close()
  })
})

describe('figures that agree', () => {
  it('states as facts only what it counts, agreeing with the directory; quoted figures name their source', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(site('/'))
    const counted = await page.locator('.figures.counted .figure').allTextContents()
    await page.goto(site('/centres'))
    const centres = Number((await text(page, '.result-count'))!.match(/\d+/)![0])
    await page.goto(site('/centres?minStars=5'))
    const fiveStar = Number((await text(page, '.result-count'))!.match(/\d+/)![0])
    expect(counted.slice(0, 2).map(Number)).toEqual([centres, fiveStar])
    await page.goto(site('/'))
    const sources = await page.locator('.figures.quoted .source').allTextContents()
    expect(sources.length).toBeGreaterThan(0)
    for (const source of sources) expect(source.trim()).toMatch(/^引自：\S+/)
    await page.close()
  }, 180_000)
})
