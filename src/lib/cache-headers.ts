import { defineMiddleware } from 'astro:middleware'

import { PREVIEW_COOKIE } from './cms'
import { CARE_COOKIE } from './preferences'

/**
 * Registered as Astro middleware from astro.config.mjs. (Not src/middleware.ts: Next, building the
 * admin from the same repository, would take that file for its own middleware.)
 *
 * Cache headers for every page, decided here because pages stream: by the time a layout renders,
 * the headers have gone. Public pages may be cached briefly by shared caches (what staff publish
 * shows within seconds); a visitor in care mode or previewing a draft gets a personal page.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next()
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith('text/html') || response.headers.has('cache-control')) return response
  const personal =
    context.cookies.get(CARE_COOKIE)?.value === '1' ||
    context.cookies.has(PREVIEW_COOKIE) ||
    response.status >= 400
  response.headers.set(
    'cache-control',
    personal ? 'private, no-store' : 'public, max-age=15, stale-while-revalidate=120',
  )
  response.headers.set('vary', 'Cookie')
  return response
})
