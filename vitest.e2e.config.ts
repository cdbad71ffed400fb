import { defineConfig } from 'vitest/config'

// End-to-end tests: the built portal, started by `npm start`'s own script on a fresh database,
// driven in Debian's Chromium through Playwright (see tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts', 'tests/faults/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
