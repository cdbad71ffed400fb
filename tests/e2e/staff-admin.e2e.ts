/**
 * A centre staff member's day in the admin (issue 14), as 四平 staff in Chromium: create an event,
 * tell the sessions of a weekly class apart in the sign-up list, check in today's code and be
 * refused next week's, see why a convention is not public, and read only Chinese on the way.
 */
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage } from './browser'
import { api, findOne, laterToday } from './rest'

let browser: Browser
let sipingId: number
const stamp = Date.now().toString(36)
const cms = (path: string) => `${inject('cmsUrl')}${path}`
const HOUR = 3_600_000
const DAY = 24 * HOUR

beforeAll(async () => {
  browser = await launchBrowser()
  sipingId = (await findOne('centres', 'where[slug][equals]=siping-road')).id as number
})
afterAll(async () => {
  await browser?.close()
})

async function staffPage(
  email = 'siping@mulin.demo',
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await openPage(browser, { viewport })
  await page.goto(cms('/admin/login'))
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(inject('demoPassword'))
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
  return page
}

/** A published event of 四平 starting `from` ms from now, made by the district. */
async function eventAt(title: string, start: Date): Promise<number> {
  const { status, json } = await api('district-admin', 'POST', '/api/events', {
    title,
    centre: sipingId,
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * HOUR).toISOString(),
    capacity: 10,
    maxPartySize: 3,
    _status: 'published',
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}

async function signUp(eventId: number, name: string, phone: string, partySize: number): Promise<string> {
  const response = await fetch(cms(`/api/events/${eventId}/register`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone, partySize, consent: true }),
  })
  const body = (await response.json()) as { code: string }
  expect(response.status, JSON.stringify(body)).toBe(201)
  return body.code
}

const shanghai = (iso: number) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
    .format(new Date(iso))
    .replace(/\//g, '月')
    .concat('日')

describe('centre staff in the admin', () => {
  it('create an event for their own centre, which is preset', async () => {
    const page = await staffPage()
    await page.goto(cms('/admin/collections/events'))
    await page
      .getByRole('link', { name: /新建|创建/ })
      .first()
      .waitFor({ timeout: 30_000 })
    await page.goto(cms('/admin/collections/events/create'))
    await page.locator('#field-title').waitFor({ timeout: 30_000 })
    // Their one centre is already chosen.
    await expect
      .poll(async () => page.locator('#field-centre').textContent(), { timeout: 15_000 })
      .toContain('四平路街道睦邻中心')
    const title = `社区合唱排练${stamp}`
    await page.locator('#field-title').fill(title)
    await page.locator('#field-category .rs__control').click()
    await page.locator('.rs__option', { hasText: '讲座' }).click()
    const start = new Date(Date.now() + 9 * DAY)
    const local = (date: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(date)
    await page.locator('#field-start input').fill(local(start))
    await page.locator('#field-start input').press('Enter')
    await page.locator('#field-end input').fill(local(new Date(start.getTime() + 2 * HOUR)))
    await page.locator('#field-end input').press('Enter')
    await page.locator('#field-capacity').fill('20')
    await page.locator('#action-save-draft').click()
    await page.waitForURL(/\/admin\/collections\/events\/\d+/, { timeout: 30_000 })
    const created = await findOne('events', `where[title][equals]=${encodeURIComponent(title)}`)
    expect(created.centre).toBe(sipingId)
    await page.close()
  })

  it('tell the sessions apart in the sign-up list, and filter it by date', async () => {
    const title = `太极拳${stamp}`
    const todayStart = await laterToday(20 * 60_000)
    const today = await eventAt(title, todayStart)
    const nextWeek = await eventAt(title, new Date(Date.now() + 7 * DAY))
    await signUp(today, '张三', '13912345601', 2)
    await signUp(nextWeek, '李四', '13912345602', 1)
    const page = await staffPage()
    await page.goto(cms(`/admin/collections/registrations?search=${encodeURIComponent('张三')}`))
    const rows = page.locator('tbody tr')
    await rows.first().waitFor({ timeout: 30_000 })
    await expect(rows.first().textContent()).resolves.toContain(
      `${title} · ${shanghai(todayStart.getTime())}`,
    )
    const from = new Date(Date.now() + 6 * DAY).toISOString()
    const { json } = await api(
      'centre-staff',
      'GET',
      `/api/registrations?where[eventStart][greater_than]=${from}&where[event.title][equals]=${encodeURIComponent(title)}&depth=0`,
    )
    expect((json.docs as Array<{ name: string }>).map((doc) => doc.name)).toEqual(['李四'])
    await page.close()
  })

  it('check in today’s code with its session and party, and are refused next week’s with the reason', async () => {
    const title = `八段锦${stamp}`
    const todayStart = await laterToday(20 * 60_000)
    const todayCode = await signUp(await eventAt(title, todayStart), '王小明', '13912345611', 2)
    const laterCode = await signUp(
      await eventAt(title, new Date(Date.now() + 7 * DAY)),
      '赵六',
      '13912345612',
      1,
    )
    const page = await staffPage('siping@mulin.demo', { width: 390, height: 844 })
    await page.goto(cms('/admin/check-in'))
    const status = page.locator('.mulin-checkin [role=status]')

    await page.locator('#checkin-code').fill(todayCode)
    await page.locator('.mulin-checkin button[type=submit]').click()
    await status.waitFor()
    const accepted = (await status.textContent()) ?? ''
    expect(accepted).toContain('签到成功：2 人')
    expect(accepted).toContain('王*明')
    expect(accepted).toContain(shanghai(todayStart.getTime()))

    await page.locator('#checkin-code').fill(laterCode)
    await page.locator('.mulin-checkin button[type=submit]').click()
    await expect
      .poll(async () => (await status.getAttribute('class')) ?? '', { timeout: 10_000 })
      .toContain('error')
    const refused = (await status.textContent()) ?? ''
    expect(refused).toContain('不是今天')
    expect(refused).toContain(shanghai(Date.now() + 7 * DAY))
    expect((await findOne('registrations', `where[code][equals]=${laterCode}`)).status).toBe('confirmed')
    await page.close()
  })
})

describe('the public status on a document', () => {
  it('says a published convention still marked 草案 is not public, and why', async () => {
    const neighbourhood = await findOne('neighbourhoods', `where[centre][equals]=${sipingId}`)
    const { status, json } = await api('district-admin', 'POST', '/api/conventions', {
      title: `楼道公约征求稿${stamp}`,
      slug: `draft-pact-${stamp}`,
      type: 'residents',
      status: 'draft',
      scope: 'neighbourhood',
      centre: sipingId,
      neighbourhood: neighbourhood.id,
      articles: [{ text: '爱护楼道环境。' }],
      _status: 'published',
    })
    expect(status).toBe(201)
    const id = (json.doc as { id: number }).id
    const page = await staffPage()
    await page.goto(cms(`/admin/collections/conventions/${id}`))
    const line = page.locator('.mulin-visibility')
    await line.waitFor({ timeout: 30_000 })
    await expect(line.textContent()).resolves.toContain('公众不可见：公约状态为草案')

    await api('district-admin', 'PATCH', `/api/conventions/${id}`, { status: 'adopted' })
    await page.reload()
    await line.waitFor({ timeout: 30_000 })
    const visible = (await line.textContent()) ?? ''
    expect(visible).toContain('公众可见')
    expect(visible).toContain(`/conventions/draft-pact-${stamp}`)
    await page.close()
  })
})

/**
 * Words people typed, not the interface: a delegation from abroad may well write its name in
 * English, and an uploaded file keeps its own name and type. Read from what staff may see.
 */
async function wordsOfData(collections: string[]): Promise<Set<string>> {
  const words = new Set<string>()
  const collect = (value: unknown): void => {
    if (typeof value === 'string') for (const word of value.match(/[A-Za-z]{2,}/g) ?? []) words.add(word)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  for (const collection of collections)
    collect((await api('centre-staff', 'GET', `/api/${collection}?limit=200&depth=0`)).json.docs)
  return words
}

/** Latin words left on a page once addresses, codes, numbers and typed data are set aside. */
function englishWords(text: string, data: Set<string>): string[] {
  const cleaned = text
    .replace(/\S+@\S+/g, ' ') // e-mail addresses (the staff's own logins)
    .replace(/https?:\/\/\S+|\/[\w\-./?=&%]+/g, ' ') // addresses on the site
    .replace(/\b[A-Z0-9]{6}\b/g, ' ') // confirmation codes
    .replace(/\b[A-Z0-9-]*\d[A-Z0-9-]*\b/g, ' ') // visit references and other generated codes
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' ') // slugs, the addresses' own identifiers
    .replace(/\b[a-z0-9]*\d[a-z0-9]*\b/g, ' ') // the tests' own marks in test data (base-36 stamps)
    .replace(/（CSV）/g, ' ') // the export's file format, named as Excel names it
  return [...new Set(cleaned.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !data.has(word))
}

describe('the admin staff work in', () => {
  it('shows no English word and no Payload on the lists and edit views they use', async () => {
    const page = await staffPage()
    const centre = sipingId
    const firstOf = async (collection: string) =>
      (
        (await api('centre-staff', 'GET', `/api/${collection}?limit=1&depth=0&draft=true`)).json
          .docs as Array<{
          id: number
        }>
      )[0]?.id
    const views = ['/admin', '/admin/check-in', '/admin/account', `/admin/collections/centres/${centre}`]
    for (const collection of [
      'events',
      'registrations',
      'conventions',
      'projects',
      'evaluations',
      'visit-requests',
      'volunteers',
      'project-claims',
      'media',
    ]) {
      views.push(`/admin/collections/${collection}`)
      const id = await firstOf(collection)
      if (id) views.push(`/admin/collections/${collection}/${id}`)
    }
    views.push('/admin/collections/events/create', '/admin/collections/centres')
    const data = await wordsOfData(['visit-requests', 'media'])
    const found: Record<string, string[]> = {}
    for (const view of views) {
      await page.goto(cms(view))
      // Lists and forms render on the server; a moment lets the client add what it fills in.
      await page.locator('.template-default').first().waitFor({ timeout: 30_000 })
      await page.waitForTimeout(1_500)
      const words = englishWords(await page.locator('body').innerText(), data)
      if (words.length > 0) found[view] = words
    }
    expect(found).toEqual({})
    await page.close()
  }, 300_000)

  it('hides the district’s menus from staff, not from the district', async () => {
    const staff = await staffPage()
    const nav = async (page: Page) => (await page.locator('nav').first().innerText()).replace(/\s+/g, ' ')
    const seen = await nav(staff)
    for (const menu of ['街镇', '工作人员', '网站设置']) expect(seen).not.toContain(menu)
    expect(seen).toContain('活动')
    await staff.close()
    const district = await staffPage('district@mulin.demo')
    const all = await nav(district)
    for (const menu of ['街镇', '网站设置']) expect(all).toContain(menu)
    await district.close()
  })

  it('names every row’s neighbourhood in a long list, below the first screen too', async () => {
    const page = await staffPage('district@mulin.demo')
    await page.goto(cms('/admin/collections/conventions?limit=50'))
    await page.locator('tbody tr').nth(20).waitFor({ timeout: 30_000 })
    const text = await page.locator('tbody').innerText()
    expect(text).not.toContain('没有 居民区')
    await page.close()
  })
})

describe('the dashboard on login', () => {
  it('shows staff today’s events with counts and a check-in link, and the district its quiet centres', async () => {
    const title = `广场舞${stamp}`
    const eventId = await eventAt(title, await laterToday(20 * 60_000))
    await signUp(eventId, '陈阿姨', '13912345621', 2)
    const staff = await staffPage()
    await staff.goto(cms('/admin'))
    const day = staff.locator('.mulin-day')
    await day.waitFor({ timeout: 30_000 })
    const today = day.locator('li', { hasText: title })
    await expect(today.textContent()).resolves.toContain('报名 2/10')
    await expect(today.locator('a', { hasText: '去签到' }).getAttribute('href')).resolves.toBe(
      `/admin/check-in?event=${eventId}`,
    )
    await expect(day.textContent()).resolves.toContain('下一次星级评估')
    await staff.close()
    const district = await staffPage('district@mulin.demo')
    await district.goto(cms('/admin'))
    await district.locator('.mulin-day').waitFor({ timeout: 30_000 })
    await expect(district.locator('.mulin-day').textContent()).resolves.toContain('未来两周没有活动的中心')
    await district.close()
  })
})
