/**
 * The site in production: the built files (dist/client, from memory: scripts/lib/static-files.ts)
 * and Astro's built page handler (dist/server), its renders taken first come first served
 * (scripts/lib/render-queue.ts), behind the render cache (scripts/lib/page-cache.ts) and the
 * portal's own server (scripts/lib/serve.ts) for request logs and a graceful stop. It runs
 * as built, dist/servers/site.mjs (scripts/lib/build.ts), without tsx.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import {
  CARE_VARIANT_HEADER,
  DOCUMENTS_ONLY_HEADER,
  openContentVersionReader,
} from '../../cms/content-version'
import { createLogger } from '../../cms/logger'
import { database, siteRenderWaitSeconds, siteRenders } from '../../cms/settings'
import { front } from '../lib/front'
import { pageCache } from '../lib/page-cache'
import { renderQueue } from '../lib/render-queue'
import { staticFiles } from '../lib/static-files'
import { type Handler, serve } from '../lib/serve'

// The adapter's middleware mode: pages only; a path no page answers gets the site's 404 page.
const entry = pathToFileURL(path.resolve('dist/server/entry.mjs')).href
const { handler: pages, pageMap } = (await import(entry)) as {
  handler: Handler
  pageMap: Map<string, () => Promise<unknown>>
}
// Astro imports a page's module again for every request. Node answers from its module cache, but
// still resolves the specifier and hands back a new promise; under a loader such as tsx (this file
// run from its source), a round trip to the loader's thread too. Each page's module is imported
// once and kept.
function importedOnce(load: () => Promise<unknown>): () => Promise<unknown> {
  let loaded: Promise<unknown> | undefined
  return () => {
    // An import that failed is tried again by the next request.
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined
      throw error
    })
    return loaded
  }
}
for (const [component, load] of pageMap) pageMap.set(component, importedOnce(load))
const files = staticFiles(path.resolve('dist/client'))
// Renders in the order their requests came, each on a turn of the event loop of its own.
const renders = renderQueue(pages, siteRenders, siteRenderWaitSeconds * 1000)
const astro: Handler = (req, res) => {
  const file = files.match(req)
  return file ? files.answer(req, res, file) : renders(req, res)
}

// The cookies of care mode (src/lib/preferences.ts) and draft preview (src/lib/cms.ts).
const CARE_COOKIE = 'mulin_care'
const PREVIEW_COOKIE = 'mulin_preview'

// PAGE_CACHE=off renders every request (the benchmark's "uncached" figures; diagnosing a page).
const versions = process.env.PAGE_CACHE === 'off' ? undefined : await openContentVersionReader(database)
const handler = !versions
  ? astro
  : pageCache(astro, {
      version: versions,
      documents: { version: { read: versions.readDocuments }, header: DOCUMENTS_ONLY_HEADER },
      // 0: the version is read for every request that is not already waiting on a read, so a
      // committed change is on the very next page. A busy district may trade a little freshness
      // for speed (e.g. 200 ms).
      versionCheckMs: Number(process.env.PAGE_CACHE_CHECK_MS ?? 0),
      // A draft preview is personal; care mode is a form of the page of its own, kept apart.
      variantOf: (cookies) =>
        cookies.has(PREVIEW_COOKIE) ? null : cookies.get(CARE_COOKIE) === '1' ? 'care' : '',
      variantHeader: CARE_VARIANT_HEADER,
    })

serve({
  name: 'site',
  port: Number(process.env.PORT ?? 4321),
  host: process.env.HOST ?? 'localhost',
  handler: front('site', handler),
  logger: createLogger('site'),
})
