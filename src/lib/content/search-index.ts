/** What the site search looks through (src/lib/search.ts ranks it). */
import type { Where } from 'payload'
import { upcomingWhere } from '@cms/rules/upcoming'
import {
  CONVENTION_TOPICS,
  CONVENTION_TYPES,
  EVENT_CATEGORIES,
  labelOf,
  PROJECT_KINDS,
  SERVICE_CATEGORIES,
} from '@cms/vocabulary'
import { findDocuments, type Locale } from '../cms'
import type { SearchDocument } from '../search'
import { deepFreeze, documentsVersion } from './memo'

/** Of a related document, a search result names only its name. */
const NAMES_ONLY = {
  centres: { name: true },
  neighbourhoods: { name: true },
  'sub-districts': { name: true },
} as const

/**
 * The index is rebuilt when the documents version moves (cms/content-version.ts: every publish,
 * edit or delete, but not a sign-up: the index holds no seats), so a published event is found on
 * the very next search. When the version cannot be read, it is rebuilt at most every 15 seconds.
 */
const FALLBACK_MAX_AGE_MS = 15_000

type IndexEntry = { version: number | null; builtAt: number; docs: Promise<SearchDocument[]> }
const indexes = new Map<Locale, IndexEntry>()

/**
 * Everything the site search looks through, in one language: published centres, events of the
 * coming two months, conventions, projects and case studies, with the words a reader would use
 * (names of service categories and topics included, so 养老 finds centres offering 养老服务).
 * Searches arriving while it is rebuilt wait for the one rebuild.
 */
export async function searchableDocuments(lang: Locale): Promise<SearchDocument[]> {
  const version = await documentsVersion()
  const current = indexes.get(lang)
  const fresh =
    current &&
    (version === null
      ? Date.now() - current.builtAt < FALLBACK_MAX_AGE_MS
      : current.version === version && Date.now() - current.builtAt < UPCOMING_MAX_AGE_MS)
  if (fresh) return current.docs
  // Frozen, so that what search.ts works out for each document is kept with it (and nothing
  // changes the index a search is reading).
  const entry: IndexEntry = { version, builtAt: Date.now(), docs: buildIndex(lang).then(deepFreeze) }
  indexes.set(lang, entry)
  entry.docs.catch(() => indexes.get(lang) === entry && indexes.delete(lang))
  return entry.docs
}

/** "The coming two months" moves with the clock: an index is rebuilt at least hourly. */
const UPCOMING_MAX_AGE_MS = 3600_000

async function buildIndex(lang: Locale): Promise<SearchDocument[]> {
  const common = { locale: lang, limit: 0, pagination: false, depth: 1, populate: NAMES_ONLY } as const
  const now = new Date()
  const [centres, events, conventions, projects, caseStudies] = await Promise.all([
    findDocuments({
      collection: 'centres',
      select: { name: true, slug: true, subDistrict: true, services: true, summary: true, address: true },
      ...common,
    }),
    findDocuments({
      collection: 'events',
      where: { and: upcomingWhere(now, 60) } as Where,
      select: {
        title: true,
        series: true,
        start: true,
        status: true,
        category: true,
        description: true,
        centre: true,
      },
      ...common,
    }),
    findDocuments({
      collection: 'conventions',
      select: {
        title: true,
        slug: true,
        neighbourhood: true,
        type: true,
        topics: true,
        summary: true,
        articles: true,
      },
      ...common,
    }),
    findDocuments({
      collection: 'projects',
      select: {
        title: true,
        slug: true,
        centre: true,
        kind: true,
        summary: true,
        sponsor: true,
        goals: true,
      },
      ...common,
    }),
    findDocuments({
      collection: 'case-studies',
      select: { title: true, slug: true, locality: true, themes: true, summary: true },
      ...common,
      depth: 0,
    }),
  ])
  const prefix = lang === 'en' ? '/en' : ''
  const name = (value: unknown) =>
    typeof value === 'object' && value !== null ? String((value as { name?: string }).name ?? '') : ''
  const docs: SearchDocument[] = [
    ...centres.docs.map((c) => ({
      kind: 'centre',
      title: c.name,
      url: `${prefix}/centres/${c.slug}`,
      meta: name(c.subDistrict),
      fields: [
        { text: c.name, weight: 5 },
        {
          text: [
            ...new Set((c.services ?? []).map((s) => labelOf(SERVICE_CATEGORIES, s.category, lang))),
          ].join(' '),
          weight: 3,
        },
        { text: (c.services ?? []).map((s) => s.name).join('、'), weight: 2 },
        { text: [c.summary, c.address, name(c.subDistrict)].filter(Boolean).join(' '), weight: 1 },
      ],
    })),
    ...events.docs
      .filter((e) => e.status === 'scheduled')
      .map((e) => ({
        kind: 'event',
        title: e.title,
        url: `/events/${e.id}`,
        meta: name(e.centre),
        // The sessions of a weekly series point at the first one: together they are one result.
        group: String((typeof e.series === 'object' && e.series ? e.series.id : e.series) ?? e.id),
        start: e.start,
        fields: [
          { text: e.title, weight: 5 },
          { text: labelOf(EVENT_CATEGORIES, e.category, lang), weight: 2 },
          { text: [e.description, name(e.centre)].filter(Boolean).join(' '), weight: 1 },
        ],
      })),
    ...conventions.docs.map((c) => ({
      kind: 'convention',
      title: c.title,
      url: `/conventions/${c.slug}`,
      meta: name(c.neighbourhood),
      fields: [
        { text: c.title, weight: 5 },
        {
          text: [
            labelOf(CONVENTION_TYPES, c.type, lang),
            ...(c.topics ?? []).map((t) => labelOf(CONVENTION_TOPICS, t, lang)),
          ].join(' '),
          weight: 3,
        },
        { text: c.summary ?? '', weight: 2 },
        { text: (c.articles ?? []).map((a) => a.text).join('\n'), weight: 1 },
      ],
    })),
    ...projects.docs.map((p) => ({
      kind: 'project',
      title: p.title,
      url: `/projects/${p.slug}`,
      meta: name(p.centre),
      fields: [
        { text: p.title, weight: 5 },
        { text: labelOf(PROJECT_KINDS, p.kind, lang), weight: 2 },
        {
          text: [p.summary, p.sponsor, ...(p.goals ?? []).map((g) => g.goal)].filter(Boolean).join(' '),
          weight: 1,
        },
      ],
    })),
    ...caseStudies.docs.map((c) => ({
      kind: 'case-study',
      title: c.title,
      url: `${prefix}/case-studies/${c.slug}`,
      meta: c.locality ?? '',
      fields: [
        { text: c.title, weight: 5 },
        { text: (c.themes ?? []).map((t) => t.theme).join(' '), weight: 3 },
        { text: [c.summary, c.locality].filter(Boolean).join(' '), weight: 1 },
      ],
    })),
  ]
  return docs
}
