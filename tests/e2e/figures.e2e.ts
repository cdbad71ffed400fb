/**
 * The district figures page (/figures, /en/figures): every number in its tables equals a count
 * taken from the CMS's REST API as the district sees it (published content only), the page ships
 * no JavaScript, and it passes the accessibility audit on a phone and on a desktop.
 */
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { CONVENTION_TOPICS, PROJECT_KINDS, PROJECT_STATUSES } from '../../cms/vocabulary'
import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage } from './browser'
import { api, findAll } from './rest'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Lang = 'zh' | 'en'
type Table = { headers: string[]; rows: Array<{ label: string; numbers: number[] }>; foot?: number[] }

const toNumber = (text: string) => Number(text.replace(/[,\s]/g, ''))

async function readTable(page: Page, selector: string): Promise<Table> {
  const table = page.locator(selector)
  await expect(table.isVisible()).resolves.toBe(true)
  const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim())
  const rows = []
  for (const row of await table.locator('tbody tr').all()) {
    rows.push({
      label: (await row.locator('th').textContent())!.trim(),
      numbers: (await row.locator('td').allTextContents()).map(toNumber),
    })
  }
  const footCells = table.locator('tfoot td')
  const foot = (await footCells.count()) > 0 ? (await footCells.allTextContents()).map(toNumber) : undefined
  return { headers, rows, foot }
}

/** How many documents a REST query finds, as the district admin (who also sees drafts). */
async function count(collection: string, query: string): Promise<number> {
  const { status, json } = await api('district-admin', 'GET', `/api/${collection}?${query}&limit=1&depth=0`)
  expect(status, `${collection}?${query}`).toBe(200)
  return json.totalDocs as number
}

async function all<T>(collection: string, query: string): Promise<T[]> {
  const { status, docs } = await findAll('district-admin', `/api/${collection}?${query}&depth=0`)
  expect(status).toBe(200)
  return docs as unknown as T[]
}

const PUBLISHED = 'where[_status][equals]=published'
/** What the public may read of conventions: published, and not a draft text published by mistake. */
const PUBLIC_CONVENTIONS = `${PUBLISHED}&where[status][not_equals]=draft`

function periodKeyOf(label: string): number {
  const zh = /^(\d{4})年([上下])半年$/.exec(label)
  if (zh) return Number(zh[1]) * 10 + (zh[2] === '上' ? 1 : 2)
  const en = /^(First|Second) half of (\d{4})$/.exec(label)
  expect(en, `a period label: ${label}`).not.toBeNull()
  return Number(en![2]) * 10 + (en![1] === 'First' ? 1 : 2)
}

/** The first instant of a month labelled '2026年11月' or 'Nov 2026', and of the next, in Shanghai. */
function monthBounds(label: string): [string, string] {
  const zh = /^(\d{4})年(\d{1,2})月$/.exec(label)
  const en = /^([A-Z][a-z]{2,3}) (\d{4})$/.exec(label)
  expect(zh ?? en, `a month label: ${label}`).not.toBeNull()
  const year = Number(zh ? zh[1] : en![2])
  const month = zh
    ? Number(zh[2])
    : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(
        en![1]!.slice(0, 3),
      ) + 1
  const at = (y: number, m: number) =>
    new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`).toISOString()
  return [at(year, month), month === 12 ? at(year + 1, 1) : at(year, month + 1)]
}

async function openFigures(lang: Lang, viewport = DESKTOP): Promise<Page> {
  const page = await openPage(browser, { viewport, javaScriptEnabled: false })
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  const response = await page.goto(`${inject('siteUrl')}${lang === 'zh' ? '/figures' : '/en/figures'}`)
  expect(response?.status()).toBe(200)
  // Readable without JavaScript because there is none.
  expect(scripts).toEqual([])
  await expect(page.locator('script').count()).resolves.toBe(0)
  return page
}

async function checkStars(page: Page, lang: Lang) {
  const table = await readTable(page, 'section[aria-labelledby="stars"] table')
  const publicCentres = (await all<{ id: number }>('centres', PUBLISHED)).map((c) => c.id)
  const levels = [5, 4, 3, 2, 1]
  // Short headings on screen (5★), the full name for screen readers.
  for (const [i, n] of levels.entries()) {
    expect(table.headers[i + 1]).toContain(`${n}★`)
    expect(table.headers[i + 1]).toContain(lang === 'zh' ? `${n} 星` : `${n} star`)
  }
  const periods = await all<{ periodKey: number }>(
    'evaluations',
    `where[published][equals]=true&where[centre][in]=${publicCentres.join(',')}`,
  )
  expect(table.rows.map((r) => periodKeyOf(r.label))).toEqual(
    [...new Set(periods.map((p) => p.periodKey))].sort((a, b) => a - b),
  )
  for (const row of table.rows) {
    const key = periodKeyOf(row.label)
    const expected = []
    for (const stars of levels) {
      expected.push(
        await count(
          'evaluations',
          `where[published][equals]=true&where[centre][in]=${publicCentres.join(',')}&where[periodKey][equals]=${key}&where[stars][equals]=${stars}`,
        ),
      )
    }
    const total = expected.reduce((a, b) => a + b, 0)
    expect(row.numbers, row.label).toEqual([...expected, total])
  }
}

async function checkProjects(page: Page, lang: Lang) {
  const table = await readTable(page, 'section[aria-labelledby="projects"] table')
  expect(table.rows).toHaveLength(PROJECT_KINDS.length)
  for (const [k, kind] of PROJECT_KINDS.entries()) {
    const expected = []
    for (const status of PROJECT_STATUSES) {
      expected.push(
        await count(
          'projects',
          `${PUBLISHED}&where[kind][equals]=${kind.value}&where[status][equals]=${status.value}`,
        ),
      )
    }
    expect(table.rows[k]!.numbers, kind.value).toEqual(expected)
  }
  // Screen readers hear each status's full name in its column heading.
  for (const [s, status] of PROJECT_STATUSES.entries()) {
    expect(table.headers[s + 1]).toContain(status.label[lang])
  }
  const perStatus = []
  for (const status of PROJECT_STATUSES) {
    perStatus.push(await count('projects', `${PUBLISHED}&where[status][equals]=${status.value}`))
  }
  expect(table.foot).toEqual(perStatus)
  const caption = await page.locator('section[aria-labelledby="projects"] figcaption').textContent()
  expect(caption).toContain(String(await count('projects', PUBLISHED)))
}

async function checkConventions(page: Page, lang: Lang) {
  const table = await readTable(page, 'section[aria-labelledby="conventions"] table')
  const shown = new Map(table.rows.map((r) => [r.label, r.numbers[0]]))
  for (const topic of CONVENTION_TOPICS) {
    const expected = await count('conventions', `${PUBLIC_CONVENTIONS}&where[topics][in]=${topic.value}`)
    expect(shown.get(topic.label[lang]) ?? 0, topic.value).toBe(expected)
  }
  expect(table.rows.length).toBeGreaterThan(3)
  const caption = await page.locator('section[aria-labelledby="conventions"] figcaption').textContent()
  expect(caption).toContain(String(await count('conventions', PUBLIC_CONVENTIONS)))
}

async function checkMonths(page: Page) {
  const tables = page.locator('section[aria-labelledby="events"] table')
  await expect(tables.count()).resolves.toBe(2)
  const events = await readTable(page, 'section[aria-labelledby="events"] figure:nth-of-type(1) table')
  const people = await readTable(page, 'section[aria-labelledby="events"] figure:nth-of-type(2) table')
  expect(people.rows.map((r) => r.label)).toEqual(events.rows.map((r) => r.label))
  // The demo held events in each of the last six months; the chart ends with the current month.
  expect(events.rows.length).toBeGreaterThanOrEqual(6)
  const now = new Date().toISOString()
  const [, afterLast] = monthBounds(events.rows.at(-1)!.label)
  expect(monthBounds(events.rows.at(-1)!.label)[0] <= now && now < afterLast).toBe(true)
  let shownEvents = 0
  let came = 0
  for (const [i, row] of events.rows.entries()) {
    const [from, monthEnd] = monthBounds(row.label)
    // Only what has happened: this month up to now.
    const to = monthEnd < now ? monthEnd : now
    const inMonth = await all<{ id: number }>(
      'events',
      `${PUBLISHED}&where[status][equals]=scheduled&where[start][greater_than_equal]=${from}&where[start][less_than]=${to}`,
    )
    expect(row.numbers, row.label).toEqual([inMonth.length])
    shownEvents += inMonth.length
    const signUps =
      inMonth.length === 0
        ? []
        : await all<{ status: string; partySize: number }>(
            'registrations',
            `where[event][in]=${inMonth.map((e) => e.id).join(',')}`,
          )
    const sum = (statuses: string[]) =>
      signUps.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r.partySize, 0)
    expect(people.rows[i]!.numbers, row.label).toEqual([sum(['confirmed', 'attended']), sum(['attended'])])
    came += sum(['attended'])
  }
  expect(came).toBeGreaterThan(0)
  // Every event held since the first month shown is in a month shown; none still to come is.
  const [since] = monthBounds(events.rows[0]!.label)
  expect(shownEvents).toBe(
    await count(
      'events',
      `${PUBLISHED}&where[status][equals]=scheduled&where[start][greater_than_equal]=${since}&where[start][less_than]=${now}`,
    ),
  )
}

describe('the district figures page', () => {
  it('shows in Chinese, on a phone, the numbers counted from the CMS, with no JavaScript', async () => {
    const page = await openFigures('zh', { width: 390, height: 844 })
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect(
      page
        .getByRole('navigation', { name: '网站导航' })
        .getByRole('link', { name: '数据图表' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page')
    // Every chart is a figure with a caption, a named SVG image and a table beside it.
    const figures = page.locator('main figure')
    await expect(figures.count()).resolves.toBe(5)
    for (const figure of await figures.all()) {
      await expect(figure.locator('figcaption').isVisible()).resolves.toBe(true)
      await expect(figure.locator('svg[role="img"] title').textContent()).resolves.toMatch(/\S/)
      await expect(figure.locator('table').isVisible()).resolves.toBe(true)
    }
    // The tables fit the phone's width: nothing to scroll sideways.
    for (const scroller of await page.locator('.chart-table').all()) {
      const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth])
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    }
    await checkStars(page, 'zh')
    await checkProjects(page, 'zh')
    await checkConventions(page, 'zh')
    await checkMonths(page)
    await expectAccessible(page)
    await page.close()
  })

  it('has an English version with the same numbers, linked both ways', async () => {
    const page = await openFigures('en')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expect(page.locator('link[hreflang="zh-CN"]').getAttribute('href')).resolves.toMatch(/\/figures$/)
    await checkStars(page, 'en')
    await checkProjects(page, 'en')
    await checkConventions(page, 'en')
    await checkMonths(page)
    await expectAccessible(page)
    await page.getByRole('link', { name: '中文' }).click()
    await page.waitForURL(`${inject('siteUrl')}/figures`)
    await page.close()
  })

  it('counts a project the moment it is published, and never while it is a draft', async () => {
    const cell = async () => {
      const page = await openFigures('zh')
      const table = await readTable(page, 'section[aria-labelledby="projects"] table')
      await page.close()
      const kind = PROJECT_KINDS.findIndex((k) => k.value === 'community-foundation')
      const status = PROJECT_STATUSES.findIndex((s) => s.value === 'completed')
      return table.rows[kind]!.numbers[status]!
    }
    const before = await cell()
    const centre = (await all<{ id: number }>('centres', PUBLISHED))[0]!.id
    const created = await api('district-admin', 'POST', '/api/projects?draft=true', {
      title: '数据页测试项目',
      slug: `figures-test-${Date.now().toString(36)}`,
      kind: 'community-foundation',
      status: 'completed',
      centre,
      _status: 'draft',
    })
    expect(created.status).toBe(201)
    const id = (created.json.doc as { id: number }).id
    try {
      expect(await cell()).toBe(before)
      const published = await api('district-admin', 'PATCH', `/api/projects/${id}`, { _status: 'published' })
      expect(published.status).toBe(200)
      expect(await cell()).toBe(before + 1)
    } finally {
      await api('district-admin', 'DELETE', `/api/projects/${id}`)
    }
    expect(await cell()).toBe(before)
  })
})
