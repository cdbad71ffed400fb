import type { APIRoute } from 'astro'

import { type SitemapDocument, sitemapEntries } from '../lib/content/feeds'
import { siteUrl } from '@cms/settings'

type Entry = { path: string; lastmod?: string; en?: string }

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/** The newest change among documents, for the list page that shows them. */
const latest = (...lists: SitemapDocument[][]) =>
  lists
    .flat()
    .map((doc) => doc.updatedAt)
    .sort()
    .at(-1)

/**
 * The sitemap, written by hand: it is a short, fixed format, and a sitemap library would want the
 * routes at build time, which a server-rendered site does not have. Pages that exist in both
 * languages are listed twice, each naming both versions (xhtml:link hreflang), as search engines
 * ask. Only what the public may read is listed: the queries run with the public's access.
 */
export const GET: APIRoute = async () => {
  const origin = siteUrl
  const { centres, events, conventions, projects, caseStudies } = await sitemapEntries()
  const newest = latest(centres, events, conventions, projects, caseStudies)

  const entries: Entry[] = [
    { path: '/', en: '/en/', lastmod: newest },
    { path: '/centres', en: '/en/centres', lastmod: latest(centres) },
    { path: '/events', en: '/en/events', lastmod: latest(events) },
    { path: '/conventions', en: '/en/conventions', lastmod: latest(conventions) },
    { path: '/projects', en: '/en/projects', lastmod: latest(projects) },
    // Stars live on the centres, recomputed when an evaluation is published.
    { path: '/stars', en: '/en/stars', lastmod: latest(centres) },
    { path: '/case-studies', en: '/en/case-studies', lastmod: latest(caseStudies) },
    // Counted from all of the above.
    { path: '/figures', en: '/en/figures', lastmod: newest },
    ...centres.map((doc) => ({
      path: `/centres/${doc.slug}`,
      en: `/en/centres/${doc.slug}`,
      lastmod: doc.updatedAt,
    })),
    ...events.map((doc) => ({
      path: `/events/${doc.id}`,
      en: `/en/events/${doc.id}`,
      lastmod: doc.updatedAt,
    })),
    ...conventions.map((doc) => ({
      path: `/conventions/${doc.slug}`,
      en: `/en/conventions/${doc.slug}`,
      lastmod: doc.updatedAt,
    })),
    ...projects.map((doc) => ({
      path: `/projects/${doc.slug}`,
      en: `/en/projects/${doc.slug}`,
      lastmod: doc.updatedAt,
    })),
    ...caseStudies.map((doc) => ({
      path: `/case-studies/${doc.slug}`,
      en: `/en/case-studies/${doc.slug}`,
      lastmod: doc.updatedAt,
    })),
  ]

  const loc = (path: string) => escapeXml(`${origin}${path}`)
  const urlElement = (path: string, entry: Entry) => {
    const lines = [`  <url>`, `    <loc>${loc(path)}</loc>`]
    if (entry.lastmod)
      lines.push(`    <lastmod>${escapeXml(new Date(entry.lastmod).toISOString())}</lastmod>`)
    if (entry.en) {
      lines.push(
        `    <xhtml:link rel="alternate" hreflang="zh-CN" href="${loc(entry.path)}"/>`,
        `    <xhtml:link rel="alternate" hreflang="en" href="${loc(entry.en)}"/>`,
        `    <xhtml:link rel="alternate" hreflang="x-default" href="${loc(entry.path)}"/>`,
      )
    }
    lines.push(`  </url>`)
    return lines.join('\n')
  }

  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.flatMap((entry) => [
      urlElement(entry.path, entry),
      ...(entry.en ? [urlElement(entry.en, entry)] : []),
    ]),
    '</urlset>',
    '',
  ].join('\n')

  return new Response(body, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=600, stale-while-revalidate=3600',
    },
  })
}
