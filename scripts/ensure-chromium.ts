/**
 * The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here).
 * When it is missing: install it where we are root, otherwise say exactly how.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { fail, say } from './lib/log'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PACKAGES = 'chromium fonts-noto-cjk'
const INSTALL = `apt-get update && apt-get install -y ${PACKAGES}`

/** Chinese pages printed without CJK fonts come out as empty boxes, and the PDF tests read them. */
const hasCjkFonts = () =>
  (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== ''

if (!existsSync(CHROMIUM) || !hasCjkFonts()) {
  if (process.getuid?.() !== 0) {
    fail(
      `Chromium (${CHROMIUM}) or a Chinese font is missing. Install them with:  sudo sh -c '${INSTALL}'  (or set CHROMIUM_PATH)`,
    )
  }
  say(`Chromium or its Chinese fonts are missing; installing them: ${INSTALL}`)
  const result = spawnSync('sh', ['-c', INSTALL], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.status !== 0 || !existsSync(CHROMIUM) || !hasCjkFonts()) {
    fail(`Installing Chromium failed. Run as root:  ${INSTALL}`)
  }
}
say(`browser: ${CHROMIUM}`)
