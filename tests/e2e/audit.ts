/** The accessibility audit every page type must pass: no serious or critical axe violations. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright'
import { expect } from 'vitest'

/**
 * Audits what `page` shows, loaded afresh in a context of its own with the same cookies (care
 * mode, a preview) and viewport: axe runs as a script, so it cannot run in the no-JavaScript
 * pages the form tests use, and it needs a page made from a context.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser behind this page')
  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: 'zh-CN' })
  try {
    await context.addCookies(await page.context().cookies())
    const auditPage = await context.newPage()
    await auditPage.goto(page.url())
    const results = await new AxeBuilder({ page: auditPage })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      )
    expect(blocking, `axe on ${page.url()}`).toEqual([])
  } finally {
    await context.close()
  }
}
