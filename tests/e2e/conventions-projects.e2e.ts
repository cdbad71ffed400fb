import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage, PHONE } from './browser'
import { api } from './rest'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type ConventionDoc = {
  id: number
  slug: string
  title: string
  type: string
  status: string
  summary?: string | null
  topics?: string[] | null
  articles: Array<{ text: string }>
  adoption?: Array<{
    kind: string
    attendance?: number | null
    for?: number | null
    against?: number | null
    abstain?: number | null
  }> | null
}

type ProjectDoc = {
  id: number
  slug: string
  title: string
  kind: string
  status: string
  centre: number | { phone?: string | null }
  volunteerRoles?: Array<{ name: string; needed: number; filled?: number | null }> | null
  awards?: Array<{ year: number; title: string }> | null
  milestones?: Array<{ title: string }> | null
}

const NUMERALS = '一二三四五六七八九十'
/** 第一条 … 第九十九条, as the site numbers articles. */
function articleNumber(n: number): string {
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const word =
    n <= 10 ? NUMERALS[n - 1] : `${tens > 1 ? NUMERALS[tens - 1] : ''}十${ones ? NUMERALS[ones - 1] : ''}`
  return `第${word}条`
}

async function publicConventions(query = ''): Promise<ConventionDoc[]> {
  const { status, json } = await api('anonymous', 'GET', `/api/conventions?limit=0&depth=0&locale=zh${query}`)
  expect(status).toBe(200)
  return json.docs as ConventionDoc[]
}

async function publicProjects(depth = 0): Promise<ProjectDoc[]> {
  const { status, json } = await api('anonymous', 'GET', `/api/projects?limit=0&depth=${depth}&locale=zh`)
  expect(status).toBe(200)
  return json.docs as ProjectDoc[]
}

/** The axe audit of a page, in a context with JavaScript (axe cannot run where it is switched off). */
async function auditPage(url: string): Promise<void> {
  const page = await openPage(browser, { viewport: PHONE })
  await page.goto(url)
  await expectAccessible(page)
  await page.close()
}

const openRoles = (p: ProjectDoc) => (p.volunteerRoles ?? []).filter((r) => (r.filled ?? 0) < r.needed)
const cardTitles = async (page: import('playwright').Page) =>
  (await page.locator('.results .card-title').allTextContents()).map((t) => t.trim()).sort()

describe('the conventions library', () => {
  it('finds the waste-sorting conventions for 垃圾分类 without JavaScript, keeping the words typed', async () => {
    const wasteSorting = await publicConventions('&where[topics][in]=waste-sorting')
    expect(wasteSorting.length).toBeGreaterThan(0)
    // Every published convention that says 垃圾分类 anywhere, even inside a longer phrase.
    const saysIt = (await publicConventions())
      .filter((c) => c.status !== 'draft')
      .filter((c) =>
        [c.title, c.summary ?? '', ...c.articles.map((a) => a.text)].join('').includes('垃圾分类'),
      )

    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/conventions`)
    await page.fill('#c-q', '垃圾分类')
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/q=/)
    await expect(page.locator('#c-q').inputValue()).resolves.toBe('垃圾分类')

    const shown = await cardTitles(page)
    for (const c of wasteSorting) expect(shown).toContain(c.title)
    expect(shown).toEqual(saysIt.map((c) => c.title).sort())
    await expect(page.locator('p.count').textContent()).resolves.toContain(`${shown.length} 份`)
    const url = page.url()
    await context.close()
    await auditPage(url)
  })

  it('filters by type, topic and status as the CMS holds them', async () => {
    const all = await publicConventions()
    const sample = all.find((c) => c.status !== 'draft' && (c.topics ?? []).length > 0)!
    const topic = sample.topics![0]!
    const expected = all.filter(
      (c) => c.type === sample.type && c.status === sample.status && (c.topics ?? []).includes(topic),
    )

    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/conventions`)
    await page.selectOption('#c-type', sample.type)
    await page.selectOption('#c-topic', topic)
    await page.selectOption('#c-status', sample.status)
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/type=/)
    await expect(page.locator('#c-topic').inputValue()).resolves.toBe(topic)
    expect(await cardTitles(page)).toEqual(expected.map((c) => c.title).sort())
    await context.close()
  })

  it('shows a convention’s articles numbered 第一条… and its adoption vote', async () => {
    const withVote = (await publicConventions()).find((c) =>
      (c.adoption ?? []).some((row) => row.kind === 'vote' && typeof row.for === 'number' && row.attendance),
    )!
    expect(withVote).toBeDefined()
    const vote = withVote.adoption!.find((row) => row.kind === 'vote' && typeof row.for === 'number')!

    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    const response = await page.goto(`${inject('siteUrl')}/conventions/${withVote.slug}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(withVote.title)
    const numbers = await page.locator('ol.articles > li .article-no').allTextContents()
    expect(numbers).toEqual(withVote.articles.map((_, i) => articleNumber(i + 1)))
    await expect(page.locator('ol.articles > li').nth(0).textContent()).resolves.toContain(
      withVote.articles[0]!.text,
    )
    await expect(page.locator('table.adoption tbody tr').count()).resolves.toBe(withVote.adoption!.length)
    const sentence = await page.locator('.vote').first().textContent()
    expect(sentence).toContain(`赞成 ${vote.for} 票`)
    expect(sentence).toContain(`占参会人数 ${Math.round((vote.for! / vote.attendance!) * 100)}%`)
    await expectAccessible(page)
    await context.close()
  })

  it('never lists or shows a draft convention', async () => {
    const centre = (
      (await api('anonymous', 'GET', '/api/centres?where[slug][equals]=siping-road&depth=0')).json
        .docs as Array<{ id: number; neighbourhoods?: number[] }>
    )[0]!
    const stamp = Date.now().toString(36)
    const created = await api('district-admin', 'POST', '/api/conventions?draft=true', {
      title: `草稿公约${stamp}`,
      slug: `e2e-draft-convention-${stamp}`,
      type: 'residents',
      status: 'draft',
      scope: 'neighbourhood',
      centre: centre.id,
      neighbourhood: centre.neighbourhoods![0],
      topics: ['waste-sorting'],
      articles: [{ text: `草稿条款${stamp}：大家做好垃圾分类。` }],
      _status: 'draft',
    })
    expect(created.status).toBe(201)
    const seededDrafts = (
      await api(
        'district-admin',
        'GET',
        '/api/conventions?where[status][equals]=draft&draft=true&limit=0&depth=0',
      )
    ).json.docs as ConventionDoc[]
    expect(seededDrafts.length).toBeGreaterThan(0)

    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/conventions?q=${encodeURIComponent(stamp)}`)
    await expect(page.locator('.results .card').count()).resolves.toBe(0)
    await page.goto(`${inject('siteUrl')}/conventions`)
    const listed = await cardTitles(page)
    expect(listed.length).toBeGreaterThan(0)
    await expectAccessible(page)
    for (const draft of seededDrafts) {
      expect(listed).not.toContain(draft.title)
      expect((await page.goto(`${inject('siteUrl')}/conventions/${draft.slug}`))?.status()).toBe(404)
    }
    await context.close()
  })
})

describe('the projects list', () => {
  it('filters by kind and by “still needs volunteers” without JavaScript', async () => {
    const matching = (await publicProjects()).filter(
      (p) => p.kind === 'public-benefit' && openRoles(p).length > 0,
    )
    const expected = matching.map((p) => p.title).sort()
    // Other tests add projects of their own, some without milestones, which have no progress to show.
    const withMilestones = matching.filter((p) => (p.milestones ?? []).length > 0).length
    expect(expected.length).toBeGreaterThan(0)

    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/projects`)
    await page.selectOption('#p-kind', 'public-benefit')
    await page.getByLabel('还需要志愿者').check()
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/kind=public-benefit/)
    await expect(page.locator('#p-kind').inputValue()).resolves.toBe('public-benefit')
    await expect(page.getByLabel('还需要志愿者').isChecked()).resolves.toBe(true)
    expect(await cardTitles(page)).toEqual(expected)
    // Each card of a project with milestones shows its progress as text and as a meter.
    await expect(page.locator('.results .card [role="meter"]').count()).resolves.toBe(withMilestones)
    await expect(page.locator('.results .progress-text').first().textContent()).resolves.toMatch(/进度 \d+%/)
    const url = page.url()
    await context.close()
    await auditPage(url)
  })

  it('filters by status', async () => {
    const expected = (await publicProjects()).filter((p) => p.status === 'completed').map((p) => p.title)
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/projects?status=completed`)
    await expect(page.locator('#p-status').inputValue()).resolves.toBe('completed')
    expect(await cardTitles(page)).toEqual(expected.sort())
    await context.close()
  })
})

describe('a project page', () => {
  it('shows the volunteer roles still open and how to reach the centre', async () => {
    const project = (await publicProjects(1)).find(
      (p) => openRoles(p).length > 0 && p.status !== 'completed',
    )!
    expect(project).toBeDefined()
    const phone = typeof project.centre === 'object' ? project.centre.phone : undefined

    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    const response = await page.goto(`${inject('siteUrl')}/projects/${project.slug}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(project.title)
    const volunteer = page.locator('section#volunteer')
    for (const role of openRoles(project)) {
      const row = volunteer
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: role.name, exact: true }) })
      await expect(row.locator('td').last().textContent()).resolves.toBe(
        `${role.needed - (role.filled ?? 0)} 人`,
      )
    }
    // Open roles take volunteers on the page itself, one radio button per role still short of people.
    await expect(volunteer.locator('input[name=roleId]').count()).resolves.toBe(openRoles(project).length)
    if (phone) await expect(volunteer.textContent()).resolves.toContain(phone)
    await expectAccessible(page)
    await context.close()
  })

  it('answers 404 for a project that does not exist', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    expect((await page.goto(`${inject('siteUrl')}/projects/no-such-project`))?.status()).toBe(404)
    await context.close()
  })
})

describe('the awards pages', () => {
  it('list exactly the projects awarded in a year, linked from /projects', async () => {
    const projects = await publicProjects()
    const years = [...new Set(projects.flatMap((p) => (p.awards ?? []).map((a) => a.year)))].sort(
      (a, b) => b - a,
    )
    expect(years.length).toBeGreaterThan(0)

    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await page.goto(`${inject('siteUrl')}/projects`)
    for (const year of years) {
      await expect(page.getByRole('link', { name: `${year} 年获奖项目` }).count()).resolves.toBe(1)
    }
    const year = years[0]!
    await page.getByRole('link', { name: `${year} 年获奖项目` }).click()
    await page.waitForURL(new RegExp(`/projects/awards/${year}$`))
    const expected = projects
      .filter((p) => (p.awards ?? []).some((a) => a.year === year))
      .map((p) => p.title)
      .sort()
    const shown = (await page.locator('.awarded .card h3 a').allTextContents()).map((t) => t.trim()).sort()
    expect([...new Set(shown)]).toEqual(expected)
    await expectAccessible(page)
    expect((await page.goto(`${inject('siteUrl')}/projects/awards/1999`))?.status()).toBe(404)
    await context.close()
  })
})
