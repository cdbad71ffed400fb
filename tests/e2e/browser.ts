/** Debian's Chromium, launched the way this machine allows (no downloads, no background network). */
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** `extraArgs`: more Chromium switches, e.g. a fake camera (tests/e2e/fake-camera.ts). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  })
}

export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1280, height: 800 }

/**
 * A page in a context of its own (the axe audit needs one); closing the page closes the context.
 * Chinese locale and Shanghai time unless told otherwise, like most of the portal's visitors.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  })
  const page = await context.newPage()
  // The browser may already be closing when the page goes; nothing is left to clean up then.
  page.on('close', () => void context.close().catch(() => {}))
  return page
}
