import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, PHONE } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function loginToken(): Promise<string> {
  const response = await fetch(`${inject('cmsUrl')}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'district@mulin.demo', password: inject('demoPassword') }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

describe('the home page', () => {
  it('answers in Chinese and lists the centres held in the CMS', async () => {
    const api = await fetch(`${inject('cmsUrl')}/api/centres?limit=100&depth=0`)
    expect(api.status).toBe(200)
    const { docs, totalDocs } = (await api.json()) as { docs: Array<{ name: string }>; totalDocs: number }
    expect(totalDocs).toBeGreaterThan(0)

    const page = await browser.newPage({ viewport: PHONE })
    const response = await page.goto(inject('siteUrl'))
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    for (const centre of docs) {
      await expect(page.getByRole('heading', { name: centre.name, exact: true }).count()).resolves.toBe(1)
    }
    await expect(page.locator('.figure').textContent()).resolves.toBe(String(totalDocs))
    await page.close()
  })

  it('shows a centre published in the CMS a moment ago, and never a draft', async () => {
    const token = await loginToken()
    const subDistricts = (await (await fetch(`${inject('cmsUrl')}/api/sub-districts?limit=1`)).json()) as {
      docs: Array<{ id: number }>
    }
    const subDistrict = subDistricts.docs[0]!.id
    const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    const stamp = Date.now().toString(36)
    const published = await fetch(`${inject('cmsUrl')}/api/centres`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `测试新中心${stamp}`,
        slug: `e2e-${stamp}`,
        subDistrict,
        _status: 'published',
      }),
    })
    expect(published.status).toBe(201)
    const draft = await fetch(`${inject('cmsUrl')}/api/centres?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `草稿中心${stamp}`,
        slug: `e2e-draft-${stamp}`,
        subDistrict,
        _status: 'draft',
      }),
    })
    expect(draft.status).toBe(201)

    const page = await browser.newPage({ viewport: PHONE })
    await page.goto(inject('siteUrl'))
    await expect(page.getByRole('heading', { name: `测试新中心${stamp}` }).count()).resolves.toBe(1)
    await expect(page.getByText(`草稿中心${stamp}`).count()).resolves.toBe(0)
    await page.close()
  })
})
