import { defineMiddleware } from 'astro:middleware'

import { CARE_VARIANT_HEADER, DOCUMENTS_ONLY_HEADER } from '@cms/content-version'

import { PREVIEW_COOKIE } from './cms'
import { renderReads } from './content/memo'
import { CARE_COOKIE } from './preferences'

/**
 * Registered as Astro middleware from astro.config.mjs. (Not src/middleware.ts: Next, building the
 * admin from the same repository, would take that file for its own middleware.)
 *
 * Cache headers for every page, decided here, in one place. Public pages may be cached briefly by
 * shared caches (what staff publish shows within seconds); a visitor in care mode or previewing a
 * draft gets a personal page. A page that read only documents says so to the render cache, which
 * then keeps it through sign-ups (memo.ts); pages are rendered whole inside `next()` (no
 * streaming, astro.config.mjs), so every read has been made when it returns.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { result: response, documentsOnly } = await renderReads(next)
  if (documentsOnly && response.status === 200) {
    try {
      response.headers.set(DOCUMENTS_ONLY_HEADER, '1')
    } catch {
      // A response with immutable headers (a redirect) is never kept anyway.
    }
  }
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith('text/html') || response.headers.has('cache-control')) return response
  const personal = context.cookies.has(PREVIEW_COOKIE) || response.status >= 400
  const care = context.cookies.get(CARE_COOKIE)?.value === '1'
  response.headers.set(
    'cache-control',
    personal || care ? 'private, no-store' : 'public, max-age=15, stale-while-revalidate=120',
  )
  response.headers.set('vary', 'Cookie')
  // A public page in care mode: the same for everyone in care mode, so the site's own render
  // cache keeps it apart (scripts/lib/page-cache.ts); shared caches keep only the plain form.
  if (care && !personal) response.headers.set(CARE_VARIANT_HEADER, '1')
  return response
})
