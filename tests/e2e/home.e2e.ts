import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage } from './browser'
import { api } from './rest'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the home page', () => {
  it('answers in Chinese with the five-star centres and the figures held in the CMS', async () => {
    const fiveStar = await api('anonymous', 'GET', '/api/centres?where[stars][equals]=5&limit=100&depth=0')
    const names = (fiveStar.json.docs as Array<{ name: string }>).map((c) => c.name)
    expect(names.length).toBeGreaterThan(0)
    const site = await api('anonymous', 'GET', '/api/globals/site?locale=zh')
    const figures = site.json.headlineFigures as Array<{ value: string; label: string }>

    const page = await openPage(browser)
    const response = await page.goto(inject('siteUrl'))
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    const fiveStarSection = page.locator('section[aria-labelledby="five-star"]')
    for (const name of names) {
      await expect(fiveStarSection.getByRole('link', { name, exact: true }).count()).resolves.toBe(1)
    }
    for (const figure of figures) {
      // Quoted figures stand apart from those the site counts (tests/e2e/journeys.e2e.ts).
      const card = page
        .locator('.figures.quoted li')
        .filter({ has: page.getByText(figure.label, { exact: true }) })
      await expect(card.locator('.figure').textContent()).resolves.toBe(figure.value)
    }
    await expectAccessible(page)
    await page.close()
  })

  it('has an English version for delegations, linked both ways with hreflang', async () => {
    const page = await openPage(browser, { viewport: DESKTOP })
    await page.goto(`${inject('siteUrl')}/en/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expect(page.locator('link[hreflang="zh-CN"]').getAttribute('href')).resolves.toMatch(/\/$/)
    await page.getByRole('link', { name: '中文' }).click()
    await page.waitForURL(`${inject('siteUrl')}/`)
    await expectAccessible(page)
    await page.close()
  })
})

describe('the centre directory', () => {
  it('shows a centre published in the CMS a moment ago, and never a draft', async () => {
    const subDistrict = (
      (await api('anonymous', 'GET', '/api/sub-districts?limit=1')).json.docs as Array<{ id: number }>
    )[0]!.id
    const stamp = Date.now().toString(36)
    const published = await api('district-admin', 'POST', '/api/centres', {
      name: `测试新中心${stamp}`,
      slug: `e2e-${stamp}`,
      subDistrict,
      _status: 'published',
    })
    expect(published.status).toBe(201)
    const draft = await api('district-admin', 'POST', '/api/centres?draft=true', {
      name: `草稿中心${stamp}`,
      slug: `e2e-draft-${stamp}`,
      subDistrict,
      _status: 'draft',
    })
    expect(draft.status).toBe(201)

    const page = await openPage(browser)
    await page.goto(`${inject('siteUrl')}/centres`)
    await expect(page.getByRole('link', { name: `测试新中心${stamp}` }).count()).resolves.toBe(1)
    await expect(page.getByText(`草稿中心${stamp}`).count()).resolves.toBe(0)
    const draftPage = await page.goto(`${inject('siteUrl')}/centres/e2e-draft-${stamp}`)
    expect(draftPage?.status()).toBe(404)
    await page.close()
  })

  it('filters by stars and service without JavaScript, keeping the choices', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(`${inject('siteUrl')}/centres`)
    // The filters are folded under the nearest-centre form, so the list comes first on a phone.
    await page.click('.filter-box summary')
    await page.selectOption('#f-stars', '5')
    await page.selectOption('#f-cat', 'legal-aid')
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/minStars=5/)
    await expect(page.locator('#f-stars').inputValue()).resolves.toBe('5')
    await expect(page.locator('#f-cat').inputValue()).resolves.toBe('legal-aid')

    const expected = await api('anonymous', 'GET', '/api/centres?where[stars][equals]=5&limit=100&depth=0')
    const withLegalAid = (
      expected.json.docs as Array<{ name: string; services?: Array<{ category: string }> }>
    ).filter((c) => (c.services ?? []).some((s) => s.category === 'legal-aid'))
    const shown = await page.locator('.card h2').allTextContents()
    expect(shown.map((s) => s.trim()).sort()).toEqual(withLegalAid.map((c) => c.name).sort())
    // The map marks exactly the centres listed, with no script and no map tiles; each pin links to its centre.
    const marked = await page
      .locator('.centres-map a.pin')
      .evaluateAll((pins) => pins.map((pin) => pin.getAttribute('aria-label')))
    expect(marked.sort()).toEqual(withLegalAid.map((c) => c.name).sort())
    await expectAccessible(page)
    await page.close()
  })
})

describe('a centre page', () => {
  it('shows its stars as the latest published evaluation gives them, its hours and its history', async () => {
    const centre = (
      (await api('anonymous', 'GET', '/api/centres?where[slug][equals]=siping-road&depth=0')).json
        .docs as Array<{ id: number; name: string; stars: number }>
    )[0]!
    const evaluations = (
      await api(
        'anonymous',
        'GET',
        `/api/evaluations?where[centre][equals]=${centre.id}&sort=-periodKey&limit=20&depth=0`,
      )
    ).json.docs as Array<{ stars: number; total: number }>
    expect(centre.stars).toBe(evaluations[0]!.stars)

    const page = await openPage(browser)
    await page.goto(`${inject('siteUrl')}/centres/siping-road`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(centre.name)
    await expect(page.locator('.rating').textContent()).resolves.toContain(`${centre.stars} 星`)
    await expect(page.getByRole('img', { name: /星级变化/ }).count()).resolves.toBe(1)
    await expect(page.locator('table.hours tr').count()).resolves.toBe(7)
    await expect(page.locator('.open-status').textContent()).resolves.toMatch(/开放|关门|闭馆/)
    await expect(
      page.getByText(`${evaluations[0]!.total}`, { exact: true }).count(),
    ).resolves.toBeGreaterThan(0)
    await expectAccessible(page)
    await page.close()
  })

  it('answers 404 in the page’s language for a centre that does not exist', async () => {
    const page = await openPage(browser)
    expect((await page.goto(`${inject('siteUrl')}/centres/no-such-centre`))?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('找不到这个页面')
    expect((await page.goto(`${inject('siteUrl')}/en/centres/no-such-centre`))?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'We could not find that page',
    )
    await expectAccessible(page)
    await page.close()
  })
})

describe('the stars page', () => {
  it('explains the rubric and ranks every rated centre, in both languages', async () => {
    const rated = await api('anonymous', 'GET', '/api/centres?where[stars][exists]=true&limit=0&depth=0')
    for (const path of ['/stars', '/en/stars']) {
      const page = await openPage(browser, { viewport: DESKTOP })
      await page.goto(`${inject('siteUrl')}${path}`)
      await expect(page.locator('tbody').last().locator('tr').count()).resolves.toBe(rated.json.totalDocs)
      await expectAccessible(page)
      await page.close()
    }
  })
})

describe('care mode', () => {
  it('is switched by a plain link, remembered, and makes the type larger', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(`${inject('siteUrl')}/stars`)
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    await page.getByRole('link', { name: '大字模式' }).click()
    await page.waitForURL(/\/stars$/)
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    expect(after).toBeGreaterThanOrEqual(20)
    expect(after).toBeGreaterThan(before)
    await page.goto(`${inject('siteUrl')}/centres`)
    await expect(page.locator('html').getAttribute('class')).resolves.toBe('care')
    await expectAccessible(page)
    await page.getByRole('link', { name: '标准模式' }).click()
    await expect(page.locator('html').getAttribute('class')).resolves.toBeNull()
    await page.close()
  })
})
