import { defineConfig } from 'vitest/config'

// Integration tests: real Payload on a fresh SQLite file per test file (see tests/setup/fresh-database.ts).
export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': new URL('./cms/payload.config.ts', import.meta.url).pathname,
      // For tests of src/lib/cms.ts, which reaches the CMS's modules the way the site does.
      '@cms': new URL('./cms', import.meta.url).pathname,
    },
  },
  test: {
    include: ['tests/integration/**/*.test.ts', 'cms/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['tests/setup/fresh-database.ts'],
    pool: 'forks',
    // Each file gets its own process, environment and database.
    isolate: true,
    // See scripts/start.ts: resolve Lexical's build files directly (no top-level await on Node 20).
    poolOptions: { forks: { execArgv: ['--conditions=production'] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { external: [/node_modules/] } },
  },
})
