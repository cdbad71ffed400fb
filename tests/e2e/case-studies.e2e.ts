import type { Browser, Locator } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage, PHONE } from './browser'
import { api } from './rest'

type Figure = { label: string; value: number; unit?: string | null; year?: number | null }
type RelatedCentre = { slug: string; name: string; stars?: number | null }
type CaseStudyDoc = {
  slug: string
  title: string
  locality?: string | null
  keyFigures?: Figure[] | null
  relatedCentres?: Array<RelatedCentre | number> | null
  relatedProjects?: Array<{ slug: string; title: string } | number> | null
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function caseStudies(locale: 'zh' | 'en', query = ''): Promise<CaseStudyDoc[]> {
  const { status, json } = await api(
    'anonymous',
    'GET',
    `/api/case-studies?locale=${locale}&limit=100${query}`,
  )
  expect(status).toBe(200)
  return json.docs as CaseStudyDoc[]
}

/** A published case study a delegation can follow everywhere: figures to compare and centres to visit. */
async function richCaseStudy(): Promise<CaseStudyDoc> {
  const docs = await caseStudies('en', '&depth=1')
  const found = docs.find(
    (d) =>
      (d.keyFigures ?? []).length >= 2 &&
      (d.relatedCentres ?? []).some((c) => typeof c === 'object') &&
      (d.relatedProjects ?? []).some((p) => typeof p === 'object'),
  )
  expect(found, 'a case study with figures, related centres and projects').toBeDefined()
  return found!
}

/** The big number as the page prints it: in full, or compact once it is too long for a phone. */
function bigNumber(value: number, locale: 'zh' | 'en'): string {
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', {
    notation: value >= 100_000 ? 'compact' : 'standard',
    maximumFractionDigits: 2,
  }).format(value)
}

async function expectFigure(scope: Locator, figure: Figure, locale: 'zh' | 'en'): Promise<void> {
  const shown = scope.locator(`data.figure[value="${figure.value}"]`).first()
  await expect(shown.count()).resolves.toBe(1)
  await expect(shown.textContent().then((t) => t?.trim())).resolves.toBe(bigNumber(figure.value, locale))
}

describe('case studies for visiting delegations', () => {
  it('lists every published case study in English, with its English title and first two figures', async () => {
    const [english, chinese] = await Promise.all([
      caseStudies('en', '&depth=0'),
      caseStudies('zh', '&depth=0'),
    ])
    // Which ones staff have translated (other tests add Chinese-only ones, shown in Chinese).
    const translated = new Set(
      (await caseStudies('en', '&depth=0&fallback-locale=none'))
        .filter((doc) => doc.title)
        .map((doc) => doc.slug),
    )
    expect(translated.size).toBeGreaterThan(0)
    expect(english.length).toBeGreaterThan(0)

    const page = await openPage(browser, { viewport: PHONE })
    const response = await page.goto(`${inject('siteUrl')}/en/case-studies`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expect(page.locator('.cases > li').count()).resolves.toBe(english.length)
    for (const doc of english) {
      const zhTitle = chinese.find((c) => c.slug === doc.slug)?.title
      if (zhTitle && translated.has(doc.slug)) {
        expect(doc.title, `${doc.slug} has an English title`).not.toBe(zhTitle)
      }
      const link = page.getByRole('link', { name: doc.title, exact: true })
      await expect(link.count()).resolves.toBe(1)
      await expect(link.getAttribute('href')).resolves.toBe(`/en/case-studies/${doc.slug}`)
      const card = page.locator('.cases > li', { has: link })
      for (const figure of (doc.keyFigures ?? []).slice(0, 2)) {
        await expectFigure(card, figure, 'en')
        await expect(card.textContent()).resolves.toContain(figure.label)
      }
    }
    await expectAccessible(page)
    await page.context().close()
  })

  it('shows a case study in English with its figures, a chart, and its centres with their stars', async () => {
    const doc = await richCaseStudy()
    const page = await openPage(browser, { viewport: PHONE })
    const response = await page.goto(`${inject('siteUrl')}/en/case-studies/${doc.slug}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(doc.title)
    if (doc.locality) await expect(page.getByText(doc.locality, { exact: true }).count()).resolves.toBe(1)

    for (const figure of doc.keyFigures ?? []) {
      const item = page.locator('.key-figures li', { has: page.getByText(figure.label, { exact: true }) })
      await expectFigure(item, figure, 'en')
      if (figure.year) await expect(item.textContent()).resolves.toContain(String(figure.year))
    }
    // Two figures in the same unit are always compared in a chart whose numbers are also text.
    const units = (doc.keyFigures ?? []).map((f) => f.unit).filter(Boolean)
    if (new Set(units).size < units.length) {
      const chart = page.getByRole('img', { name: /^Key figures compared/ })
      await expect(chart.count()).resolves.toBeGreaterThan(0)
      await expect(page.locator('.figure-bars table th[scope="row"]').count()).resolves.toBeGreaterThan(1)
    }

    const centres = (doc.relatedCentres ?? []).filter((c): c is RelatedCentre => typeof c === 'object')
    for (const centre of centres) {
      const link = page.getByRole('link', { name: centre.name, exact: true })
      await expect(link.getAttribute('href')).resolves.toBe(`/en/centres/${centre.slug}`)
      await expect(page.locator('.card', { has: link }).textContent()).resolves.toContain(
        centre.stars ? `${centre.stars} stars` : 'Not yet rated',
      )
    }
    // Projects have English pages: each related project links to its English page.
    const projects = (doc.relatedProjects ?? []).filter((p) => typeof p === 'object')
    const projectList = page.locator('section[aria-labelledby="related-projects"]')
    for (const project of projects) {
      await expect(projectList.textContent()).resolves.toContain(project.title)
      const hrefs = await projectList
        .locator('a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(hrefs).toContain(`/en/projects/${(project as { slug: string }).slug}`)
    }

    await expectAccessible(page)
    await page.context().close()
  })

  it('shows the same case study in Chinese, and switches language both ways', async () => {
    const { slug } = await richCaseStudy()
    const [english] = await caseStudies('en', `&depth=0&where[slug][equals]=${slug}`)
    const [chinese] = await caseStudies('zh', `&depth=1&where[slug][equals]=${slug}`)
    expect(chinese!.title).not.toBe(english!.title)

    const page = await openPage(browser, { viewport: DESKTOP })
    await page.goto(`${inject('siteUrl')}/case-studies/${slug}`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(chinese!.title)
    for (const figure of chinese!.keyFigures ?? []) {
      const item = page.locator('.key-figures li', { has: page.getByText(figure.label, { exact: true }) })
      await expectFigure(item, figure, 'zh')
    }
    const centre = (chinese!.relatedCentres ?? []).find((c): c is RelatedCentre => typeof c === 'object')!
    await expect(
      page.getByRole('link', { name: centre.name, exact: true }).getAttribute('href'),
    ).resolves.toBe(`/centres/${centre.slug}`)
    const project = (chinese!.relatedProjects ?? []).find((p) => typeof p === 'object')!
    await expect(
      page.getByRole('link', { name: project.title, exact: true }).getAttribute('href'),
    ).resolves.toBe(`/projects/${project.slug}`)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'English', exact: true }).click()
    await page.waitForURL(`${inject('siteUrl')}/en/case-studies/${slug}`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(english!.title)
    await page.getByRole('link', { name: '中文', exact: true }).click()
    await page.waitForURL(`${inject('siteUrl')}/case-studies/${slug}`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(chinese!.title)
    await page.context().close()
  })

  it('lists the case studies in Chinese, switching to English and back', async () => {
    const chinese = await caseStudies('zh', '&depth=0')
    const page = await openPage(browser, { viewport: DESKTOP })
    await page.goto(`${inject('siteUrl')}/case-studies`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('经验案例')
    for (const doc of chinese) {
      await expect(
        page.getByRole('link', { name: doc.title, exact: true }).getAttribute('href'),
      ).resolves.toBe(`/case-studies/${doc.slug}`)
    }
    await expectAccessible(page)
    await page.getByRole('link', { name: 'English', exact: true }).click()
    await page.waitForURL(`${inject('siteUrl')}/en/case-studies`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Case studies')
    await page.context().close()
  })

  it('answers 404 in the page’s language for a case study that does not exist', async () => {
    const page = await openPage(browser, { viewport: PHONE })
    expect((await page.goto(`${inject('siteUrl')}/case-studies/no-such-case`))?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('找不到这个页面')
    expect((await page.goto(`${inject('siteUrl')}/en/case-studies/no-such-case`))?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'We could not find that page',
    )
    await page.context().close()
  })
})
