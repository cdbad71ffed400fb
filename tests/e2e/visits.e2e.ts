/**
 * A delegation requests a study visit on the English site (without JavaScript), staff approve it
 * in the admin, and the delegation sees it approved with its reference and email. No one else
 * can read the request.
 */
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage } from './browser'
import { api, findOne } from './rest'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const EMAIL = 'delegation.e2e@example.cn'
const PHONE = '13912345678'
const ORGANISATION = 'Chengdu Wuhou District Civil Affairs Delegation'

/** Days `from` and `from + 1` days ahead in Shanghai, moved past the centre's closed days. */
async function openDays(slug: string, from: number): Promise<[string, string]> {
  const centre = await findOne('centres', `where[slug][equals]=${slug}`)
  const closed = new Set(
    ((centre.closures as Array<{ date: string }> | undefined) ?? []).map((c) =>
      new Date(new Date(c.date).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    ),
  )
  const day = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10)
  let n = from
  while (closed.has(day(n)) || closed.has(day(n + 1))) n += 1
  return [day(n), day(n + 1)]
}

async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Send request' }).click(),
  ])
  return response?.request().redirectedFrom() ? 303 : (response?.status() ?? 0)
}

describe('a study visit', () => {
  let reference = ''

  it('is requested on /en/visits without JavaScript: an error first, beside its field, then the reference', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, locale: 'en-GB' })
    // A delegation comes from a case study it read in English (its PDF: pdf.e2e.ts).
    const [study] = (await api('anonymous', 'GET', '/api/case-studies?locale=en&depth=0&limit=1')).json
      .docs as { slug: string }[]
    await page.goto(`${inject('siteUrl')}/en/case-studies/${study!.slug}`)
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Request a study visit' }).first().click(),
    ])
    expect(new URL(page.url()).pathname).toBe('/en/visits')
    expect(response?.headers()['cache-control']).toBe('no-store')
    await expectAccessible(page)

    const [first, second] = await openDays('siping-road', 25)
    await page.getByLabel('Organisation').fill(ORGANISATION)
    await page.getByLabel('Delegation size').fill('12')
    await page.getByLabel('Name', { exact: false }).first().fill('Liu Xiaomei')
    await page.getByLabel('Phone').fill('6598 2031') // no area code: refused
    await page.getByLabel('Email').fill(EMAIL)
    await page.getByLabel('First preferred date').fill(first)
    await page.getByLabel('Second preferred date').fill(second)
    await page.getByLabel('Siping Road Neighbourhood Centre').check()
    await page.getByLabel('Topics of interest').fill('How star ratings are decided')

    expect(await submit(page)).toBe(400)
    // The error sits beside the phone field and is tied to it; everything typed is still there.
    const phone = page.getByLabel('Phone')
    await expect(phone.getAttribute('aria-invalid')).resolves.toBe('true')
    const error = page.locator('#field-phone-error')
    await expect(error.textContent()).resolves.toContain('a landline with its area code')
    await expect(phone.getAttribute('aria-describedby')).resolves.toContain('field-phone-error')
    await expect(page.getByLabel('Organisation').inputValue()).resolves.toBe(ORGANISATION)
    await expect(page.getByLabel('First preferred date').inputValue()).resolves.toBe(first)
    await expect(page.getByLabel('Siping Road Neighbourhood Centre').isChecked()).resolves.toBe(true)
    await expect(page.getByRole('link', { name: 'Phone' }).count()).resolves.toBe(1) // the error summary

    await phone.fill(PHONE)
    expect(await submit(page)).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/en/visits')
    reference = (await page.locator('.reference .code').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^V\d{4}-[0-9A-Z]{5}$/)
    await expect(page.getByRole('heading', { name: 'What happens next' }).isVisible()).resolves.toBe(true)
    await page.close()
  })

  it('is not readable by the public through the API', async () => {
    const doc = await findOne('visit-requests', `where[reference][equals]=${reference}`)
    expect(doc.phone).toBe(PHONE)
    for (const path of [
      `/api/visit-requests/${doc.id}`,
      `/api/visit-requests?where[reference][equals]=${reference}`,
    ]) {
      const { status, json } = await api('anonymous', 'GET', path)
      expect(status).toBe(403)
      const text = JSON.stringify(json)
      for (const secret of [PHONE, EMAIL, ORGANISATION, 'Liu Xiaomei']) expect(text).not.toContain(secret)
    }
  })

  it('is approved by district staff in the admin', async () => {
    const doc = await findOne('visit-requests', `where[reference][equals]=${reference}`)
    expect(doc.status).toBe('pending')
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${inject('cmsUrl')}/admin/login`)
    await page.locator('input[name="email"]').fill('district@mulin.demo')
    await page.locator('input[name="password"]').fill(inject('demoPassword'))
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })

    await page.goto(`${inject('cmsUrl')}/admin/collections/visit-requests/${doc.id}`)
    const status = page.locator('#field-status')
    // The select shows its value once the admin has hydrated.
    const shown = status.locator('.rs__single-value')
    await shown.waitFor({ timeout: 30_000 })
    await expect(shown.textContent()).resolves.toBe('待处理')
    await status.locator('.rs__control').click()
    await page.locator('.rs__option', { hasText: '已同意' }).click()
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await findOne('visit-requests', `where[reference][equals]=${reference}`)).status, {
        timeout: 30_000,
      })
      .toBe('approved')
    await context.close()
  })

  it('shows as Approved when the delegation looks it up, and a wrong pair finds nothing', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false, locale: 'en-GB' })
    await page.goto(`${inject('siteUrl')}/en/visits/status`)
    await expectAccessible(page)

    await page.getByLabel('Reference').fill(reference.toLowerCase())
    await page.getByLabel('Email').fill('someone.else@example.cn')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Look up' }).click()])
    await expect(page.getByRole('alert').textContent()).resolves.toContain('No request was found')
    // The email typed never goes into the address.
    expect(page.url()).not.toContain('example.cn')

    await page.getByLabel('Email').fill(EMAIL)
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Look up' }).click(),
    ])
    expect(response?.headers()['cache-control']).toBe('no-store')
    await expect(page.locator('.status').textContent()).resolves.toContain('Approved')
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain(reference)
    expect(text).toContain('Siping Road Neighbourhood Centre')
    for (const secret of [PHONE, 'Liu Xiaomei']) expect(text).not.toContain(secret)
    await expect(
      page.getByRole('link', { name: 'Siping Road Neighbourhood Centre' }).getAttribute('href'),
    ).resolves.toBe('/en/centres/siping-road')
    await page.close()
  })

  it('is offered in Chinese too, with the centres grouped by sub-district', async () => {
    const page = await openPage(browser)
    const response = await page.goto(`${inject('siteUrl')}/visits`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('group', { name: /四平路街道/ }).count()).resolves.toBeGreaterThan(0)
    await expect(page.getByLabel('四平路街道睦邻中心').count()).resolves.toBe(1)
    await expectAccessible(page)
    await page.close()
  })
})
