// @ts-check
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

/**
 * @astrojs/node, with the site's own server entry (src/adapter-entry.ts: the adapter's middleware
 * mode without its AsyncLocalStorage, which slows every render). Everything else is the adapter's.
 * @param {Parameters<typeof node>[0]} options
 */
function nodeAdapter(options) {
  const adapter = node(options)
  const configDone = adapter.hooks['astro:config:done']
  adapter.hooks['astro:config:done'] = (params) =>
    configDone?.({
      ...params,
      setAdapter: (settings) =>
        params.setAdapter({
          ...settings,
          serverEntrypoint: new URL('./src/adapter-entry.ts', import.meta.url),
          exports: ['handler', 'options'],
        }),
    })
  return adapter
}

// The public site. Pages read content through Payload's Local API (src/lib/cms.ts), so Payload,
// its database adapters and their native modules stay outside Vite's bundle and load from
// node_modules at run time.
export default defineConfig({
  output: 'server',
  // Pages are rendered whole, not streamed: every response is buffered anyway (the page cache, its
  // ETag and compression need the whole body), and Astro's streaming encodes each small chunk of
  // HTML to bytes on its own, which cost a list page about a tenth of its render. Middleware mode:
  // the adapter renders pages only, and the site's server (scripts/servers/site.ts) answers the
  // built files itself, from memory, instead of looking for a file on disk before every page.
  adapter: nodeAdapter({ mode: 'middleware', experimentalDisableStreaming: true }),
  integrations: [
    react(),
    {
      name: 'mulin-cache-headers',
      hooks: {
        'astro:config:setup': ({ addMiddleware }) => {
          addMiddleware({ entrypoint: new URL('./src/lib/cache-headers.ts', import.meta.url), order: 'pre' })
          // Form pages take form posts only (415/400 with a message, never a 500).
          addMiddleware({ entrypoint: new URL('./src/lib/request-guard.ts', import.meta.url), order: 'pre' })
        },
      },
    },
  ],
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: false },
  },
  // Forms post back to their own page; checkOrigin refuses posts from other sites. It compares the
  // Origin header with the request's host, which Astro trusts only for the hosts listed here (any
  // port): local use, and the public host of SITE_URL as it was when the site was built.
  security: {
    checkOrigin: true,
    allowedDomains: [
      { hostname: 'localhost' },
      { hostname: '127.0.0.1' },
      ...(process.env.SITE_URL ? [{ hostname: new URL(process.env.SITE_URL).hostname }] : []),
    ],
  },
  vite: {
    ssr: {
      external: [
        'payload',
        'sharp',
        'libsql',
        'mongodb',
        'mongoose',
        '@payloadcms/db-sqlite',
        '@payloadcms/db-mongodb',
        '@payloadcms/richtext-lexical',
        '@payloadcms/translations',
        // One copy of graphql for Payload and the CMS's own query limits (cms/rules/graphql-limits.ts).
        'graphql',
        // Server-only: printing PDFs (src/lib/pdf.ts) and reading their text back (src/lib/booklet.ts).
        'playwright',
        'playwright-core',
        'pdfjs-dist',
        // The logger (cms/logger.ts) runs as Payload's does, from node_modules.
        'pino',
      ],
    },
    optimizeDeps: {
      exclude: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', '@payloadcms/richtext-lexical'],
    },
  },
})
