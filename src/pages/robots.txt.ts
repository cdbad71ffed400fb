import type { APIRoute } from 'astro'
import { siteUrl } from '@cms/settings'

/** Crawlers may read everything public; preview links and the care-mode switch are not pages. */
export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      'Disallow: /preview',
      'Disallow: /care',
      '',
      `Sitemap: ${siteUrl}/sitemap.xml`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } },
  )
