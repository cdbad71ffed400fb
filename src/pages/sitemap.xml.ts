import type { APIRoute } from 'astro'

import { sitemapEntries } from '../lib/content/feeds'
import { SITEMAP_HEADERS, sitemapIndex } from '../lib/sitemap'
import { siteUrl } from '@cms/settings'

/** The sitemap index: the pages' sitemap and one per month of events (src/lib/sitemap.ts). */
export const GET: APIRoute = async () =>
  new Response(sitemapIndex(await sitemapEntries(), siteUrl), { headers: SITEMAP_HEADERS })
