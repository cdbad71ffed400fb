/**
 * The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here).
 * When it is missing: install it where we are root, otherwise say exactly how.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { fail, say } from './lib/log'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const INSTALL = 'apt-get update && apt-get install -y chromium'

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    fail(
      `Chromium is missing at ${CHROMIUM}. Install it with:  sudo sh -c '${INSTALL}'  (or set CHROMIUM_PATH)`,
    )
  }
  say(`Chromium is missing at ${CHROMIUM}; installing it: ${INSTALL}`)
  const result = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: 'inherit' })
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    fail(`Installing Chromium failed. Run as root:  ${INSTALL}`)
  }
}
say(`browser: ${CHROMIUM}`)
