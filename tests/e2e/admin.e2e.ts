import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DESKTOP, launchBrowser } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the CMS admin', () => {
  it('lets a seeded centre-staff member log in and see the centres, in Chinese', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${inject('cmsUrl')}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await page.locator('input[name="email"]').fill('siping@mulin.demo')
    await page.locator('input[name="password"]').fill(inject('demoPassword'))
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
    // The dashboard offers the centres collection under its Chinese label.
    await expect(page.getByText('睦邻中心').first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: 'test-results/admin-dashboard.png' })
    await context.close()
  })

  it('refuses a wrong password without logging in', async () => {
    const response = await fetch(`${inject('cmsUrl')}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'yanji@mulin.demo', password: 'not-the-password' }),
    })
    expect(response.status).toBe(401)
  })
})
