// @ts-check
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

/**
 * The hosts the site answers as. Without them Astro cannot trust the Host header, takes every
 * request to be for plain "localhost" and refuses every posted form as cross-site. Any port is
 * allowed (tests and demos pick free ones); SITE_URL adds the public host of a deployment.
 */
const allowedDomains = [{ hostname: 'localhost' }, { hostname: '127.0.0.1' }]
if (process.env.SITE_URL) allowedDomains.push({ hostname: new URL(process.env.SITE_URL).hostname })

// The public site. Pages read content through Payload's Local API (src/lib/cms.ts), so Payload,
// its database adapters and their native modules stay outside Vite's bundle and load from
// node_modules at run time.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    react(),
    {
      name: 'mulin-cache-headers',
      hooks: {
        'astro:config:setup': ({ addMiddleware }) => {
          addMiddleware({ entrypoint: new URL('./src/lib/cache-headers.ts', import.meta.url), order: 'pre' })
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
  security: { checkOrigin: true, allowedDomains },
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
      ],
    },
    optimizeDeps: {
      exclude: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', '@payloadcms/richtext-lexical'],
    },
  },
})
