import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { launchBrowser, openPage } from './browser'
import { api } from './rest'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the site search', () => {
  it('finds the waste-sorting conventions by 垃圾分类, a word inside longer phrases, with the words marked', async () => {
    const wasteSorting = await api(
      'anonymous',
      'GET',
      '/api/conventions?where[topics][in]=waste-sorting&limit=100&depth=0',
    )
    const titles = (wasteSorting.json.docs as Array<{ title: string }>).map((c) => c.title)
    expect(titles.length).toBeGreaterThan(0)

    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(`${inject('siteUrl')}/`)
    await page.fill('#home-q', '垃圾分类')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL(/\/search\?q=/)
    await expect(page.locator('#q').inputValue()).resolves.toBe('垃圾分类')
    const found = (await page.locator('.results h2').allTextContents()).map((t) => t.trim())
    for (const title of titles) expect(found).toContain(title)
    await expect(page.locator('.results mark').count()).resolves.toBeGreaterThan(0)
    await expectAccessible(page)
    await page.close()
  })

  it('finds the centres offering elderly care by 养老', async () => {
    const all = await api('anonymous', 'GET', '/api/centres?limit=0&depth=0')
    const withCare = (
      all.json.docs as Array<{ name: string; services?: Array<{ category: string }> }>
    ).filter((c) => (c.services ?? []).some((s) => s.category === 'elderly-care'))
    const page = await openPage(browser)
    await page.goto(`${inject('siteUrl')}/search?q=${encodeURIComponent('养老')}`)
    const centreHits = await page.locator('.results li', { hasText: '睦邻中心 ·' }).count()
    const found = (await page.locator('.results h2').allTextContents()).map((t) => t.trim())
    for (const centre of withCare) expect(found).toContain(centre.name)
    expect(centreHits).toBeGreaterThan(0)
    await page.close()
  })
})
