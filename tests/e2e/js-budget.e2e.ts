/**
 * Content pages ship at most 10 KB of JavaScript (gzip), counting every script the browser loads
 * for the page: elderly residents on old phones and slow connections come first.
 */
import { gzipSync } from 'node:zlib'

import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage } from './browser'

const BUDGET = 10 * 1024
const PAGES = [
  '/',
  '/en/',
  '/centres',
  '/centres/siping-road',
  '/en/centres/siping-road',
  '/stars',
  '/events',
  '/conventions',
  '/projects',
  '/case-studies',
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the JavaScript budget', () => {
  it.each(PAGES)('%s ships at most 10 KB of gzipped JavaScript', async (path) => {
    const page = await openPage(browser)
    const scripts: Buffer[] = []
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(await response.body().catch(() => Buffer.alloc(0)))
    })
    const response = await page.goto(`${inject('siteUrl')}${path}`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    const inline = await page.locator('script:not([src])').allTextContents()
    const total = [...scripts, ...inline.map((text) => Buffer.from(text))].reduce(
      (sum, code) => sum + gzipSync(code).length,
      0,
    )
    expect(total, `${path}: ${total} bytes of gzipped JavaScript`).toBeLessThanOrEqual(BUDGET)
    await page.close()
  })
})
