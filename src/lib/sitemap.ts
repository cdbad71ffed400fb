/**
 * The sitemap, written by hand: it is a short, fixed format, and a sitemap library would want the
 * routes at build time, which a server-rendered site does not have.
 *
 * With years of events one file would grow past what a crawler (or a phone's 25 connections of
 * a benchmark) fetches comfortably, so /sitemap.xml is an index (sitemaps.org): one sitemap of
 * the pages and documents, and one per month of events. Pages that exist in both languages are
 * listed twice, each naming both versions (xhtml:link hreflang), as search engines ask. Only what
 * the public may read is listed: the queries run with the public's access (content/feeds.ts).
 */
import { SHANGHAI_OFFSET_MS } from '@cms/rules/opening-hours'

import { joined } from './bytes'
import { xmlText } from './xml'
import type { SitemapDocument } from './content/feeds'

export type SitemapSources = Record<
  'centres' | 'events' | 'conventions' | 'projects' | 'caseStudies',
  SitemapDocument[]
>

type Entry = { path: string; lastmod?: string; en?: string }

export const SITEMAP_HEADERS = {
  'content-type': 'application/xml; charset=utf-8',
  'cache-control': 'public, max-age=600, stale-while-revalidate=3600',
}

/** The newest change among documents, for the page or sitemap that shows them. */
function latest(...lists: SitemapDocument[][]): string | undefined {
  let newest: string | undefined
  for (const list of lists)
    for (const doc of list) if (!newest || doc.updatedAt > newest) newest = doc.updatedAt
  return newest
}

/** A date as the sitemap writes it; Payload's dates are already UTC ISO strings. */
const isoDate = (date: string) => (date.endsWith('Z') ? date : new Date(date).toISOString())

/** The Shanghai month an event starts in, "2026-12" (Shanghai keeps UTC+8 all year). */
const monthOf = (start: string) => new Date(Date.parse(start) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)

/**
 * The months that have events in the sitemap's window, each with its events, in order. Worked out
 * once per list: the kept list (content/memo.ts) is the same frozen array until a document changes.
 */
const monthsOfList = new WeakMap<SitemapDocument[], Map<string, SitemapDocument[]>>()
export function eventMonths(events: SitemapDocument[]): Map<string, SitemapDocument[]> {
  let known = monthsOfList.get(events)
  if (!known) monthsOfList.set(events, (known = groupByMonth(events)))
  return known
}

function groupByMonth(events: SitemapDocument[]): Map<string, SitemapDocument[]> {
  const months = new Map<string, SitemapDocument[]>()
  for (const event of events) {
    if (!event.start) continue
    const month = monthOf(event.start)
    const list = months.get(month) ?? []
    list.push(event)
    months.set(month, list)
  }
  return new Map([...months].sort(([a], [b]) => a.localeCompare(b)))
}

/** /sitemap.xml: the index of the sitemaps below. */
export function sitemapIndex(sources: SitemapSources, origin: string): string {
  const { centres, events, conventions, projects, caseStudies } = sources
  const item = (path: string, lastmod: string | undefined) =>
    [
      '  <sitemap>',
      `    <loc>${xmlText(`${origin}${path}`)}</loc>`,
      ...(lastmod ? [`    <lastmod>${isoDate(lastmod)}</lastmod>`] : []),
      '  </sitemap>',
    ].join('\n')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    item('/sitemaps/pages.xml', latest(centres, events, conventions, projects, caseStudies)),
    ...[...eventMonths(events)].map(([month, list]) => item(`/sitemaps/events-${month}.xml`, latest(list))),
    '</sitemapindex>',
    '',
  ].join('\n')
}

/** /sitemaps/pages.xml: the site's pages and every document but events. */
export function pagesSitemap(sources: SitemapSources, origin: string): string {
  const { centres, events, conventions, projects, caseStudies } = sources
  const newest = latest(centres, events, conventions, projects, caseStudies)
  const documents = (list: SitemapDocument[], path: string) =>
    list.map((doc) => ({
      path: `/${path}/${doc.slug}`,
      en: `/en/${path}/${doc.slug}`,
      lastmod: doc.updatedAt,
    }))
  return urlset(
    [
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
      ...documents(centres, 'centres'),
      ...documents(conventions, 'conventions'),
      ...documents(projects, 'projects'),
      ...documents(caseStudies, 'case-studies'),
    ],
    origin,
  )
}

/** /sitemaps/events-2026-12.xml: the month's events, or null when it has none in the sitemap. */
export function eventsSitemap(
  sources: SitemapSources,
  month: string,
  origin: string,
): Uint8Array<ArrayBuffer> | null {
  const events = eventMonths(sources.events).get(month)
  if (!events) return null
  return joined([URLSET_START_BYTES, ...events.map((doc) => eventElements(doc, origin)), URLSET_END_BYTES])
}

/**
 * An event's elements (and the line break after them), kept by the event when it is a kept
 * (frozen, so unchanging) document: a month of a district years into its use has five hundred
 * events, each written out in two languages, some 400 KB.
 */
const keptEventElements = new WeakMap<SitemapDocument, { origin: string; bytes: Buffer }>()
function eventElements(doc: SitemapDocument, origin: string): Buffer {
  const known = keptEventElements.get(doc)
  if (known?.origin === origin) return known.bytes
  const text = urlElements(
    { path: `/events/${doc.id}`, en: `/en/events/${doc.id}`, lastmod: doc.updatedAt },
    origin,
  )
  const bytes = Buffer.from(`${text}\n`)
  if (Object.isFrozen(doc)) keptEventElements.set(doc, { origin, bytes })
  return bytes
}

function urlset(entries: Entry[], origin: string): string {
  return urlsetOf(entries.map((entry) => urlElements(entry, origin)))
}

/** An entry's <url> element, and its English page's when it has one. */
function urlElements(entry: Entry, origin: string): string {
  const site = xmlText(origin)
  const loc = (path: string) => site + xmlText(path)
  const urlElement = (path: string) => {
    const lines = [`  <url>`, `    <loc>${loc(path)}</loc>`]
    if (entry.lastmod) lines.push(`    <lastmod>${isoDate(entry.lastmod)}</lastmod>`)
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
  return entry.en ? `${urlElement(entry.path)}\n${urlElement(entry.en)}` : urlElement(entry.path)
}

const URLSET_START =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
const URLSET_END = '</urlset>\n'
const URLSET_START_BYTES = Buffer.from(URLSET_START)
const URLSET_END_BYTES = Buffer.from(URLSET_END)

function urlsetOf(elements: string[]): string {
  return URLSET_START + elements.map((element) => `${element}\n`).join('') + URLSET_END
}
