import type { APIRoute } from 'astro'

import { sitemapEntries } from '../../lib/content/feeds'
import { eventsSitemap, pagesSitemap, SITEMAP_HEADERS } from '../../lib/sitemap'
import { siteUrl } from '@cms/settings'

/** /sitemaps/pages.xml and /sitemaps/events-2026-12.xml, as the index (/sitemap.xml) names them. */
export const GET: APIRoute = async ({ params }) => {
  const name = params.name ?? ''
  const month = /^events-(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(name)?.[1]
  const body =
    name === 'pages'
      ? pagesSitemap(await sitemapEntries(), siteUrl)
      : month
        ? eventsSitemap(await sitemapEntries(), month, siteUrl)
        : null
  if (body === null)
    return new Response('没有这个站点地图 / No such sitemap', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  return new Response(body, { headers: SITEMAP_HEADERS })
}
