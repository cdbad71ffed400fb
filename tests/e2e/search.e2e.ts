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
    // Results come by type: the centres are one tap away, all on their own page.
    await page.click('.kinds a:has-text("睦邻中心")')
    await page.waitForURL(/type=centre/)
    let centreHits = await page.locator('.results li', { hasText: '睦邻中心 ·' }).count()
    const found = (await page.locator('.results h2').allTextContents()).map((t) => t.trim())
    // Twenty to a page: the rest are a tap on 下一页 away.
    while (await page.locator('.pager a:has-text("下一页")').count()) {
      await page.click('.pager a:has-text("下一页")')
      centreHits += await page.locator('.results li', { hasText: '睦邻中心 ·' }).count()
      found.push(...(await page.locator('.results h2').allTextContents()).map((t) => t.trim()))
    }
    for (const centre of withCare) expect(found).toContain(centre.name)
    expect(centreHits).toBeGreaterThan(0)
    await page.close()
  })

  describe('the four searches residents tried (issue 15)', () => {
    const results = async (q: string, type?: string) => {
      const page = await openPage(browser, { javaScriptEnabled: false })
      await page.goto(`${inject('siteUrl')}/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`)
      const items = await page.locator('.results > li').evaluateAll((all) =>
        all.map((li) => ({
          kind: li.querySelector('.kind')?.textContent?.trim() ?? '',
          title: li.querySelector('h2')?.textContent?.trim() ?? '',
          when: li.querySelector('.when')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        })),
      )
      const total = (await page.locator('.result-total').textContent()) ?? ''
      const kinds = (await page.locator('.kinds a').allTextContents()).map((t) => t.trim())
      return { page, items, total, kinds }
    }
    // An event's line: its date, its time and its centre.
    const WHEN = /\d{1,2}月\d{1,2}日周.\s?\d{2}:\d{2} · \S+(中心)/

    it('垃圾分类: the class a resident can attend comes among the first, with date, time and centre', async () => {
      const { page, items } = await results('垃圾分类')
      const lesson = items.findIndex((item) => item.title === '垃圾分类实操课')
      expect(lesson).toBeGreaterThanOrEqual(0)
      expect(lesson).toBeLessThan(3)
      expect(items[lesson]!.when).toMatch(WHEN)
      // Title matches first: no convention that only mentions it in its articles comes before it.
      expect(items.slice(0, lesson).every((item) => item.title.includes('垃圾分类'))).toBe(true)
      await page.close()
    })

    it('四平: the weekly 晨练太极拳 is one result with its next date', async () => {
      const { page, items } = await results('四平')
      const taiChi = items.filter((item) => item.title === '晨练太极拳')
      expect(taiChi).toHaveLength(1)
      expect(taiChi[0]!.when).toMatch(/^下一次：/)
      expect(taiChi[0]!.when).toMatch(WHEN)
      await page.close()
    })

    it('亲子: every event once, each with its date, time and centre', async () => {
      const { page, items } = await results('亲子')
      const events = items.filter((item) => item.kind.startsWith('活动'))
      expect(events.length).toBeGreaterThan(1)
      expect(new Set(events.map((item) => item.title)).size).toBe(events.length)
      for (const event of events) expect(event.when, event.title).toMatch(WHEN)
      await page.close()
    })

    it('老年: an honest total, counts by type that add up to it, and pages to the last result', async () => {
      const { page, total, kinds } = await results('老年')
      const all = Number(total.match(/共找到 (\d+) 条/)![1])
      expect(all).toBeGreaterThan(20)
      const counts = kinds.map((k) => Number(k.match(/（(\d+)）/)![1]))
      expect(counts[0]).toBe(all)
      expect(counts.slice(1).reduce((sum, n) => sum + n, 0)).toBe(all)
      // Walking the pages shows every result once.
      let seen = await page.locator('.results > li').count()
      while (await page.locator('.pager a:has-text("下一页")').count()) {
        await page.click('.pager a:has-text("下一页")')
        seen += await page.locator('.results > li').count()
      }
      expect(seen).toBe(all)
      await page.close()
    })
  })
})
