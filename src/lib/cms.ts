/**
 * The site's only door to content: Payload's Local API, in process, no HTTP. Pages call the
 * functions here and never build queries themselves, so what the public may see is decided in one
 * place (the collections' access rules, applied with overrideAccess: false).
 */
import config from '@payload-config'
import { getPayload, type Payload, type Where } from 'payload'

import type {
  CaseStudy,
  Centre,
  Convention,
  Evaluation,
  Event,
  Project,
  Site,
  SubDistrict,
} from '@cms/payload-types'
import { type PreviewGrant, verifyPreviewToken } from '@cms/preview'
import {
  cancelSignup,
  lookUpSignup,
  signUp,
  type SignupRequest,
  type SignupView,
  signupView,
} from '@cms/signups/event-signups'
import { type ClaimInput, offerClaim, volunteer } from '@cms/signups/project-signups'
import { periodLabel } from '@cms/rules/rubric'
import { seatsLeft } from '@cms/rules/signup'
import { sitemapEventsWhere, upcomingWhere } from '@cms/rules/upcoming'
import {
  CONVENTION_TOPICS,
  CONVENTION_TYPES,
  DISTRICTS,
  EVENT_CATEGORIES,
  labelOf,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SERVICE_CATEGORIES,
} from '@cms/vocabulary'
import { lookUpVisit, type VisitStatusView } from '@cms/visits/look-up'
import { type RequestVisitResult, requestVisit, type VisitRequestInput } from '@cms/visits/request-visit'

import { countEach, monthLabel, monthWindow, shanghaiMonth, sumEach, windowStart } from './figures'

let payloadPromise: Promise<Payload> | undefined

export function cms(): Promise<Payload> {
  payloadPromise ??= getPayload({ config })
  return payloadPromise
}

export type Locale = 'zh' | 'en'

export const PREVIEW_COOKIE = 'mulin_preview'

/** The preview a visitor was granted by a link from the admin, if it is still valid. */
export function previewGrant(token: string | undefined): PreviewGrant | null {
  return token ? verifyPreviewToken(token) : null
}

export type CentreFilters = {
  subDistrict?: string
  minStars?: number
  category?: string
  audience?: string
  openNow?: boolean
}

/**
 * Published centres for the directory, best rated first, filtered as the visitor asked. The
 * filters on services run here rather than in the query: a district has at most a few hundred
 * centres, and the rules stay readable.
 */
/** What a centre's card in a list (directory, map, home page) shows, and no more. */
const CENTRE_LISTING_FIELDS = {
  name: true,
  slug: true,
  address: true,
  stars: true,
  subDistrict: true,
  latitude: true,
  longitude: true,
  openingHours: true,
  closures: true,
  services: true,
} as const
export type CentreListing = Pick<Centre, 'id' | keyof typeof CENTRE_LISTING_FIELDS>

export async function listCentres(
  locale: Locale = 'zh',
  filters: CentreFilters = {},
  isOpen?: (centre: CentreListing) => boolean,
): Promise<{ centres: CentreListing[]; total: number }> {
  const payload = await cms()
  const and = []
  if (filters.minStars) and.push({ stars: { greater_than_equal: filters.minStars } })
  if (filters.subDistrict) and.push({ 'subDistrict.slug': { equals: filters.subDistrict } })
  const result = await payload.find({
    collection: 'centres',
    where: and.length > 0 ? { and } : undefined,
    locale,
    limit: 0,
    pagination: false,
    sort: ['-stars', 'slug'],
    depth: 1,
    select: CENTRE_LISTING_FIELDS,
    populate: { 'sub-districts': { name: true, slug: true } },
    overrideAccess: false,
    draft: false,
  })
  const centres = result.docs.filter(
    (centre) =>
      (!filters.category || (centre.services ?? []).some((s) => s.category === filters.category)) &&
      (!filters.audience ||
        (centre.services ?? []).some((s) => (s.audience ?? []).includes(filters.audience as never))) &&
      (!filters.openNow || !isOpen || isOpen(centre)),
  )
  return { centres, total: centres.length }
}

export async function listSubDistricts(locale: Locale): Promise<SubDistrict[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'sub-districts',
    locale,
    limit: 0,
    pagination: false,
    sort: 'slug',
  })
  return docs
}

/** Published evaluations of a centre, oldest first (for its star history). */
export async function centreEvaluations(centreId: number, locale: Locale): Promise<Evaluation[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'evaluations',
    where: { centre: { equals: centreId } },
    sort: 'periodKey',
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
  })
  return docs
}

/** The latest published evaluation of every centre, for the league table. */
export async function latestEvaluations(locale: Locale): Promise<Evaluation[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'evaluations',
    sort: '-periodKey',
    locale,
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: false,
  })
  const seen = new Set<number>()
  return docs.filter((evaluation) => {
    const id = typeof evaluation.centre === 'object' ? evaluation.centre.id : evaluation.centre
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** Scheduled events not yet over (cms/rules/upcoming.ts), soonest first. */
export async function upcomingEvents(
  locale: Locale,
  { centreId, days, limit = 20 }: { centreId?: number; days?: number; limit?: number } = {},
): Promise<Event[]> {
  const payload = await cms()
  const and: Record<string, unknown>[] = [
    ...upcomingWhere(new Date(), days),
    { status: { equals: 'scheduled' } },
  ]
  if (centreId) and.push({ centre: { equals: centreId } })
  const { docs } = await payload.find({
    collection: 'events',
    where: { and } as never,
    sort: 'start',
    locale,
    depth: 1,
    // Of the centre, what an event's line names: a page of eight events loads eight names, not
    // eight whole centre profiles.
    populate: { centres: { name: true, slug: true } },
    limit,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

export async function centreProjects(centreId: number, locale: Locale): Promise<Project[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'projects',
    where: { centre: { equals: centreId } },
    locale,
    depth: 0,
    limit: 20,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

/** Conventions of the neighbourhoods a centre serves. */
export async function neighbourhoodConventions(
  neighbourhoodIds: number[],
  locale: Locale,
): Promise<Convention[]> {
  if (neighbourhoodIds.length === 0) return []
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'conventions',
    where: { neighbourhood: { in: neighbourhoodIds } },
    locale,
    depth: 1,
    limit: 20,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

/** Projects that still need volunteers or an organisation to claim them. */
export async function projectsLookingForHelp(locale: Locale, limit = 4): Promise<Project[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'projects',
    where: { status: { in: ['open', 'in-progress'] } },
    sort: '-updatedAt',
    locale,
    depth: 1,
    populate: { centres: { name: true, slug: true }, neighbourhoods: { name: true } },
    limit: 50,
    overrideAccess: false,
    draft: false,
  })
  return docs
    .filter((p) => p.status === 'open' || (p.volunteerRoles ?? []).some((r) => (r.filled ?? 0) < r.needed))
    .slice(0, limit)
}

export async function featuredCaseStudy(locale: Locale): Promise<CaseStudy | null> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'case-studies',
    sort: '-updatedAt',
    locale,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    draft: false,
  })
  return docs[0] ?? null
}

/**
 * One document by its slug as the public sees it, or, when the visitor holds a preview grant from
 * the admin for exactly this document, its latest draft. The grant names one document: it changes
 * nothing on any other page.
 */
async function findBySlugOrPreview<T extends { id: number | string; slug?: string | null }>(
  collection: 'centres' | 'conventions' | 'projects' | 'case-studies',
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null,
  { where, depth = 1, populate }: { where?: Where; depth?: number; populate?: unknown } = {},
): Promise<T | null> {
  const payload = await cms()
  const shape = { locale, depth, ...(populate ? { populate: populate as never } : {}) }
  const published = await payload.find({
    collection,
    where: { and: [{ slug: { equals: slug } }, ...(where ? [where] : [])] },
    limit: 1,
    overrideAccess: false,
    draft: false,
    ...shape,
  })
  const current = published.docs[0] as T | undefined
  if (grant?.collection === collection) {
    const draft = (await payload.findByID({
      collection,
      id: grant.id,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
      ...shape,
    })) as T | null
    if (draft && (draft.slug === slug || String(current?.id) === grant.id)) return draft
  }
  return current ?? null
}

/** One centre by its slug (or its draft, under a preview grant). */
export function getCentre(
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<Centre | null> {
  return findBySlugOrPreview<Centre>('centres', slug, locale, grant)
}

/** The site settings: navigation, footer, alert banner, headline figures. */
export async function getSite(locale: Locale): Promise<Site> {
  const payload = await cms()
  return payload.findGlobal({ slug: 'site', locale, depth: 0, overrideAccess: false })
}

/** What the public events calendar (/events) can be narrowed by. */
export type EventListFilters = {
  /** Start of the range (inclusive). */
  from: Date
  /** End of the range (exclusive); open-ended when missing. */
  to?: Date
  category?: string
  audience?: string
  centreId?: number | string
  /** Only events that still have a free seat (and so are not cancelled). */
  hasSeats?: boolean
}

/** Seats a newcomer could take (the rule in cms/rules/signup.ts: none while anyone waits). */
export const eventSeatsLeft = (event: Pick<Event, 'capacity' | 'seatsTaken' | 'waitingCount'>): number =>
  seatsLeft(event)

/** What the calendar shows of each event, and no more (no texts of other languages, no images). */
const CALENDAR_EVENT_FIELDS = {
  title: true,
  start: true,
  end: true,
  room: true,
  category: true,
  description: true,
  status: true,
  capacity: true,
  seatsTaken: true,
  waitingCount: true,
  waitingList: true,
  centre: true,
  updatedAt: true,
} as const
export type CalendarEvent = Pick<Event, 'id' | keyof typeof CALENDAR_EVENT_FIELDS>

/**
 * Published events in a range for the calendar, soonest first, cancelled ones included so that
 * residents who signed up see it (unless only events with seats are asked for). Events already
 * over are left out (cms/rules/upcoming.ts). One query; only the centre's name and slug are populated.
 */
export async function listEvents(locale: Locale, filters: EventListFilters): Promise<CalendarEvent[]> {
  const payload = await cms()
  const and: import('payload').Where[] = [
    { start: { greater_than_equal: filters.from.toISOString() } },
    ...(upcomingWhere() as import('payload').Where[]),
  ]
  if (filters.to) and.push({ start: { less_than: filters.to.toISOString() } })
  if (filters.category) and.push({ category: { equals: filters.category } })
  if (filters.audience) and.push({ audience: { in: [filters.audience] } })
  if (filters.centreId) and.push({ centre: { equals: filters.centreId } })
  if (filters.hasSeats) and.push({ status: { equals: 'scheduled' } })
  const { docs } = await payload.find({
    collection: 'events',
    where: { and },
    sort: 'start',
    locale,
    depth: 1,
    select: CALENDAR_EVENT_FIELDS,
    populate: { centres: { name: true, slug: true } },
    // Every event of the range: the calendar's windows (two weeks, a week, a month) bound it, and a
    // busy month must not lose its last week to a cap.
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  // Comparing two columns is beyond Payload's query language, so seats are checked here.
  return filters.hasSeats ? docs.filter((event) => eventSeatsLeft(event) > 0) : docs
}

/** Published centres for the calendar's centre filter: id, name and slug only. */
export async function eventCentreOptions(
  locale: Locale,
): Promise<Array<Pick<Centre, 'id' | 'name' | 'slug'>>> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'centres',
    select: { name: true, slug: true },
    sort: 'slug',
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs as Array<Pick<Centre, 'id' | 'name' | 'slug'>>
}

/**
 * One event: the published version, or its latest draft when the visitor holds a preview grant
 * for exactly this event. The centre comes populated (rooms, phone) for the event page.
 */
export async function getEvent(
  id: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<Event | null> {
  if (!/^[\w-]{1,64}$/.test(id)) return null
  const payload = await cms()
  if (grant?.collection === 'events' && grant.id === id) {
    const draft = await payload.findByID({
      collection: 'events',
      id,
      locale,
      depth: 1,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
    })
    if (draft) return draft
  }
  try {
    const { docs } = await payload.find({
      collection: 'events',
      where: { id: { equals: id } },
      locale,
      limit: 1,
      pagination: false,
      depth: 1,
      overrideAccess: false,
      draft: false,
    })
    return docs[0] ?? null
  } catch {
    // An id the database cannot even parse (e.g. not an ObjectId on MongoDB) names no event.
    return null
  }
}

/**
 * The other published sessions of a weekly class: the first session (the series' id) and every
 * event pointing back at it, past and future, in date order.
 */
export async function seriesSessions(event: Event, locale: Locale): Promise<Event[]> {
  const seriesId = typeof event.series === 'object' && event.series ? event.series.id : event.series
  const key = seriesId ?? event.id
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [{ or: [{ series: { equals: key } }, { id: { equals: key } }] }, { id: { not_equals: event.id } }],
    },
    sort: 'start',
    locale,
    depth: 0,
    limit: 60,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

/** Published case studies for delegations, newest first; depth 0 because the list shows no relations. */
export async function listCaseStudies(locale: Locale): Promise<CaseStudy[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'case-studies',
    sort: ['-updatedAt', 'slug'],
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

/** One case study with its related centres and projects (or its draft, under a preview grant). */
export function getCaseStudy(
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<CaseStudy | null> {
  return findBySlugOrPreview<CaseStudy>('case-studies', slug, locale, grant)
}

/* ---- Feeds (calendar, RSS, sitemap) ------------------------------------------------------------ */

/** The centre of a feed event: only what a calendar entry shows. */
export type FeedCentre = Pick<Centre, 'id' | 'name' | 'slug' | 'address' | 'latitude' | 'longitude'>

/** An event as the calendar and RSS feeds need it, with its centre populated. */
export type FeedEvent = Pick<
  Event,
  | 'id'
  | 'title'
  | 'start'
  | 'end'
  | 'room'
  | 'category'
  | 'description'
  | 'status'
  | 'capacity'
  | 'seatsTaken'
  | 'waitingCount'
  | 'waitingList'
  | 'updatedAt'
> & { centre: FeedCentre | null }

/**
 * Published events that are not over yet and start within `days`, soonest first, for the calendar
 * and RSS feeds. Cancelled ones are included on request, so that a subscribed calendar shows the
 * cancellation instead of the entry silently vanishing. One query, only the fields a feed shows.
 */
export async function feedEvents({
  centreId,
  days,
  includeCancelled = false,
}: {
  centreId?: number
  days: number
  includeCancelled?: boolean
}): Promise<FeedEvent[]> {
  const payload = await cms()
  const and: Record<string, unknown>[] = [
    ...upcomingWhere(new Date(), days),
    { status: { in: includeCancelled ? ['scheduled', 'cancelled'] : ['scheduled'] } },
  ]
  if (centreId) and.push({ centre: { equals: centreId } })
  const { docs } = await payload.find({
    collection: 'events',
    where: { and } as never,
    sort: 'start',
    locale: 'zh',
    depth: 1,
    limit: 0,
    pagination: false,
    // The same fields as the calendar page: a feed names what the calendar shows.
    select: CALENDAR_EVENT_FIELDS,
    populate: { centres: { name: true, slug: true, address: true, latitude: true, longitude: true } },
    overrideAccess: false,
    draft: false,
  })
  return docs.map((doc) => ({
    ...(doc as unknown as Omit<FeedEvent, 'centre'>),
    // A centre the public may not read stays a bare id: the feed then shows no location.
    centre: typeof doc.centre === 'object' && doc.centre ? (doc.centre as FeedCentre) : null,
  }))
}

/** One published centre by slug, for its calendar feed: the fields a calendar names. */
export async function feedCentre(slug: string): Promise<FeedCentre | null> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'centres',
    where: { slug: { equals: slug } },
    locale: 'zh',
    depth: 0,
    limit: 1,
    select: { name: true, slug: true, address: true, latitude: true, longitude: true },
    overrideAccess: false,
    draft: false,
  })
  return (docs[0] as FeedCentre | undefined) ?? null
}

/** A published document that has a page of its own, as feeds list it. */
export type FeedDocument = {
  id: number
  slug: string
  title: string
  summary?: string | null
  updatedAt: string
}

/**
 * The most recently updated published case studies, conventions and projects, for the RSS feed.
 * One query per collection, title, slug and summary only.
 */
export async function feedLatestDocuments(limit = 10): Promise<{
  caseStudies: FeedDocument[]
  conventions: FeedDocument[]
  projects: FeedDocument[]
}> {
  const payload = await cms()
  const recent = async (collection: 'case-studies' | 'conventions' | 'projects') =>
    (
      await payload.find({
        collection,
        sort: '-updatedAt',
        locale: 'zh',
        depth: 0,
        limit,
        select: { title: true, slug: true, summary: true, updatedAt: true },
        overrideAccess: false,
        draft: false,
      })
    ).docs as unknown as FeedDocument[]
  const [caseStudies, conventions, projects] = await Promise.all([
    recent('case-studies'),
    recent('conventions'),
    recent('projects'),
  ])
  return { caseStudies, conventions, projects }
}

/** What the sitemap needs of a document: its address part and when it last changed. */
export type SitemapDocument = { id: number; slug?: string | null; updatedAt: string }

/**
 * Every published centre, event, convention, project and case study, address and date only. One
 * query per collection, as the public sees them (drafts never appear).
 */
export async function sitemapEntries(): Promise<{
  centres: SitemapDocument[]
  events: SitemapDocument[]
  conventions: SitemapDocument[]
  projects: SitemapDocument[]
  caseStudies: SitemapDocument[]
}> {
  const payload = await cms()
  const all = async (collection: 'centres' | 'conventions' | 'projects' | 'case-studies') =>
    (
      await payload.find({
        collection,
        sort: 'slug',
        depth: 0,
        limit: 0,
        pagination: false,
        select: { slug: true, updatedAt: true },
        overrideAccess: false,
        draft: false,
      })
    ).docs as unknown as SitemapDocument[]
  const events = async () =>
    (
      await payload.find({
        collection: 'events',
        where: { and: sitemapEventsWhere() } as Where,
        sort: 'start',
        depth: 0,
        limit: 0,
        pagination: false,
        select: { updatedAt: true },
        overrideAccess: false,
        draft: false,
      })
    ).docs as unknown as SitemapDocument[]
  const [centres, eventDocs, conventions, projects, caseStudies] = await Promise.all([
    all('centres'),
    events(),
    all('conventions'),
    all('projects'),
    all('case-studies'),
  ])
  return { centres, events: eventDocs, conventions, projects, caseStudies }
}

// ---------------------------------------------------------------------------------------------
// Conventions (/conventions) and projects (/projects): small collections, so they are fetched
// whole and filtered here, where the matching rules stay readable.

/** A convention still being drafted is never shown, even if someone published it by mistake. */
const PUBLIC_CONVENTION_STATUSES = ['adopted', 'revised', 'consultation', 'retired'] as const

/** Only what the pages show of the related documents, so a list does not drag in whole centres. */
const CIVIC_POPULATE = {
  centres: { name: true, slug: true, phone: true },
  neighbourhoods: { name: true, subDistrict: true },
  'sub-districts': { name: true, slug: true },
} as const

export type ConventionFilters = {
  q?: string
  type?: string
  topic?: string
  subDistrict?: string
  status?: string
}

/** The neighbourhood and sub-district of a convention or project fetched at depth 2. */
export function civicPlace(doc: Convention | Project): {
  neighbourhood?: string
  subDistrict?: SubDistrict
} {
  const n = typeof doc.neighbourhood === 'object' && doc.neighbourhood ? doc.neighbourhood : undefined
  const s = n && typeof n.subDistrict === 'object' ? n.subDistrict : undefined
  return { neighbourhood: n?.name, subDistrict: s }
}

/** The centre of a convention or project fetched at depth 1 or more. */
export function civicCentre(doc: Convention | Project): Centre | undefined {
  return typeof doc.centre === 'object' ? doc.centre : undefined
}

async function publishedConventions(locale: Locale): Promise<Convention[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'conventions',
    where: { status: { in: [...PUBLIC_CONVENTION_STATUSES] } },
    locale,
    depth: 2,
    populate: CIVIC_POPULATE as never,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

/** Words typed into the search box, each of which must appear somewhere in the convention. */
function conventionSearchTerms(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/[\s\u3000,，、;；]+/)
    .filter(Boolean)
}

/**
 * Published conventions as the library's form asks. Chinese has no spaces between words, so the
 * text search is a plain substring match over title, summary and every article.
 */
export async function listConventions(
  filters: ConventionFilters = {},
  locale: Locale = 'zh',
): Promise<{ conventions: Convention[]; total: number; subDistricts: SubDistrict[] }> {
  const all = await publishedConventions(locale)
  const terms = conventionSearchTerms(filters.q)
  const conventions = all.filter((c) => {
    if (filters.type && c.type !== filters.type) return false
    if (filters.status && c.status !== filters.status) return false
    if (filters.topic && !(c.topics ?? []).includes(filters.topic as never)) return false
    if (filters.subDistrict && civicPlace(c).subDistrict?.slug !== filters.subDistrict) return false
    if (terms.length === 0) return true
    const text = [c.title, c.summary ?? '', ...c.articles.map((a) => a.text)].join('\n').toLowerCase()
    return terms.every((term) => text.includes(term))
  })
  // Conventions in force first, newest first; retired ones at the end.
  conventions.sort(
    (a, b) =>
      Number(a.status === 'retired') - Number(b.status === 'retired') ||
      (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? '') ||
      a.slug.localeCompare(b.slug),
  )
  // The sub-district filter offers only places that have conventions, so no choice leads nowhere.
  const bySlug = new Map<string, SubDistrict>()
  for (const c of all) {
    const s = civicPlace(c).subDistrict
    if (s) bySlug.set(s.slug, s)
  }
  const subDistricts = [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug))
  return { conventions, total: conventions.length, subDistricts }
}

/** One convention that the public may read (never a draft-status one), or its draft under a grant. */
export function getConvention(
  slug: string,
  grant: PreviewGrant | null = null,
  locale: Locale = 'zh',
): Promise<Convention | null> {
  return findBySlugOrPreview<Convention>('conventions', slug, locale, grant, {
    where: { status: { in: [...PUBLIC_CONVENTION_STATUSES] } },
    depth: 2,
    populate: CIVIC_POPULATE,
  })
}

export type ProjectFilters = {
  kind?: string
  status?: string
  /** Only projects with a volunteer role not yet filled. */
  needsVolunteers?: boolean
}

type ProjectVolunteerRole = NonNullable<Project['volunteerRoles']>[number]
type ProjectMilestone = NonNullable<Project['milestones']>[number]

/** Volunteer roles that still need people, with how many. */
export function openVolunteerRoles(project: Project): Array<ProjectVolunteerRole & { stillNeeded: number }> {
  return (project.volunteerRoles ?? [])
    .map((role) => ({ ...role, stillNeeded: Math.max(0, role.needed - (role.filled ?? 0)) }))
    .filter((role) => role.stillNeeded > 0)
}

/**
 * The milestone a project last got going on (the last one with any progress), or the first one
 * when nothing has started yet: its progress is what the list's bar shows.
 */
export function latestMilestone(project: Project): (ProjectMilestone & { progress: number }) | undefined {
  const milestones = project.milestones ?? []
  const started = milestones.filter((m) => (m.progress ?? 0) > 0).at(-1) ?? milestones[0]
  return started ? { ...started, progress: Math.min(100, Math.max(0, started.progress ?? 0)) } : undefined
}

const PROJECT_STATUS_ORDER = ['open', 'in-progress', 'claimed', 'completed']

async function publishedProjects(locale: Locale): Promise<Project[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'projects',
    locale,
    depth: 2,
    populate: CIVIC_POPULATE as never,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  // Those still looking for help first, then the newest.
  return docs.sort(
    (a, b) =>
      PROJECT_STATUS_ORDER.indexOf(a.status) - PROJECT_STATUS_ORDER.indexOf(b.status) ||
      (b.startDate ?? '').localeCompare(a.startDate ?? '') ||
      a.slug.localeCompare(b.slug),
  )
}

export async function listProjects(
  filters: ProjectFilters = {},
  locale: Locale = 'zh',
): Promise<{ projects: Project[]; total: number }> {
  const projects = (await publishedProjects(locale)).filter(
    (p) =>
      (!filters.kind || p.kind === filters.kind) &&
      (!filters.status || p.status === filters.status) &&
      (!filters.needsVolunteers || openVolunteerRoles(p).length > 0),
  )
  return { projects, total: projects.length }
}

/** One project by its slug, or its latest draft under a preview grant for exactly this project. */
export function getProject(
  slug: string,
  grant: PreviewGrant | null = null,
  locale: Locale = 'zh',
): Promise<Project | null> {
  return findBySlugOrPreview<Project>('projects', slug, locale, grant, { depth: 2, populate: CIVIC_POPULATE })
}

/** The projects awarded in a year, grouped by award (e.g. 居民自治十佳项目), in first-seen order. */
export async function awardedProjects(
  year: number,
  locale: Locale = 'zh',
): Promise<Array<{ award: string; projects: Project[] }>> {
  const groups = new Map<string, Project[]>()
  for (const project of await publishedProjects(locale)) {
    for (const award of project.awards ?? []) {
      if (award.year !== year) continue
      const list = groups.get(award.title) ?? []
      if (!list.includes(project)) list.push(project)
      groups.set(award.title, list)
    }
  }
  return [...groups].map(([award, projects]) => ({ award, projects }))
}

/** Every year in which a published project received an award, newest first. */
export async function awardYears(locale: Locale = 'zh'): Promise<number[]> {
  const years = new Set<number>()
  for (const project of await publishedProjects(locale)) {
    for (const award of project.awards ?? []) years.add(award.year)
  }
  return [...years].sort((a, b) => b - a)
}

/**
 * The English units of a case study's key figures, by row id. Chinese measure words (个, 次) say
 * little about what is counted, so pages compare figures by their English unit in both languages.
 * A preview grant for this case study reads its draft, as getCaseStudy does.
 */
export async function caseStudyUnitsInEnglish(
  id: number,
  grant: PreviewGrant | null = null,
): Promise<Map<string, string>> {
  const payload = await cms()
  const preview = grant?.collection === 'case-studies' && grant.id === String(id)
  const doc = await payload.findByID({
    collection: 'case-studies',
    id,
    locale: 'en',
    depth: 0,
    draft: preview,
    overrideAccess: preview,
    disableErrors: true,
  })
  return new Map(
    (doc?.keyFigures ?? []).flatMap((f) => (f.id && f.unit ? [[f.id, f.unit] as [string, string]] : [])),
  )
}

/**
 * Everything the site search looks through, in one language: published centres, events of the
 * coming two months, conventions, projects and case studies, with the words a reader would use
 * (names of service categories and topics included, so 养老 finds centres offering 养老服务).
 * Rebuilt at most every 15 seconds.
 */
let searchCache: { at: number; lang: Locale; docs: import('./search').SearchDocument[] }[] = []

export async function searchableDocuments(lang: Locale): Promise<import('./search').SearchDocument[]> {
  const cached = searchCache.find((entry) => entry.lang === lang && Date.now() - entry.at < 15_000)
  if (cached) return cached.docs
  const payload = await cms()
  const common = { locale: lang, limit: 0, pagination: false, overrideAccess: false, draft: false } as const
  const now = new Date()
  const [centres, events, conventions, projects, caseStudies] = await Promise.all([
    payload.find({ collection: 'centres', depth: 1, ...common }),
    payload.find({
      collection: 'events',
      depth: 1,
      where: { and: upcomingWhere(now, 60) } as Where,
      ...common,
    }),
    payload.find({ collection: 'conventions', depth: 1, ...common }),
    payload.find({ collection: 'projects', depth: 1, ...common }),
    payload.find({ collection: 'case-studies', depth: 0, ...common }),
  ])
  const prefix = lang === 'en' ? '/en' : ''
  const name = (value: unknown) =>
    typeof value === 'object' && value !== null ? String((value as { name?: string }).name ?? '') : ''
  const docs: import('./search').SearchDocument[] = [
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
  searchCache = [...searchCache.filter((entry) => entry.lang !== lang), { at: Date.now(), lang, docs }]
  return docs
}

// ---------------------------------------------------------------------------------------------
// Sign-ups, volunteering and claims. The rules live in the CMS (cms/signups, cms/rules); these
// are the site's doors to them, so the forms and the REST endpoints behave the same.

export async function signUpForEvent(eventId: number | string, values: SignupRequest) {
  return signUp(await cms(), eventId, { ...values, channel: 'online' })
}

export async function lookUpSignupBy(code: string, digits: string) {
  return lookUpSignup(await cms(), code, digits)
}

export async function cancelSignupBy(code: string, digits: string) {
  return cancelSignup(await cms(), code, digits)
}

/**
 * A sign-up's result page, by its code alone: it shows status, place in the queue and the event,
 * never a name or a number, so the code is all it needs.
 */
export async function signupByCode(code: string): Promise<{ signup: SignupView; event: Event } | null> {
  const payload = await cms()
  const signup = await signupView(payload, code)
  if (!signup) return null
  const event = await payload.findByID({
    collection: 'events',
    id: signup.eventId,
    depth: 1,
    locale: 'zh',
    overrideAccess: true,
  })
  return { signup, event }
}

export async function volunteerFor(projectId: number | string, values: Parameters<typeof volunteer>[2]) {
  return volunteer(await cms(), projectId, values)
}

export async function offerClaimFor(projectId: number | string, values: ClaimInput) {
  return offerClaim(await cms(), projectId, values)
}

/** The organisations whose claim staff accepted: their name and offer only, never the contact. */
export async function acceptedClaims(
  projectId: number,
): Promise<{ organisation: string; offer: string; date: string }[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'project-claims',
    where: { project: { equals: projectId }, status: { equals: 'accepted' } },
    sort: 'updatedAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
    select: { organisation: true, offer: true, updatedAt: true },
  })
  return docs.map((doc) => ({ organisation: doc.organisation, offer: doc.offer, date: doc.updatedAt }))
}

// ---------------------------------------------------------------------------------------------
// District figures (/figures)

export type FigureSeries = { key: string; label: string }
export type FigureRow = { key: string; label: string; values: number[] }

/** The numbers of the district figures page: every one counted from published content. */
export type DistrictFigures = {
  /** Centres by star level (5★ first) in each evaluation period, oldest period first. */
  stars: { levels: FigureSeries[]; periods: FigureRow[] }
  /** Projects of each kind, by status. */
  projects: { statuses: FigureSeries[]; kinds: FigureRow[] }
  /** Conventions per topic, most frequent first; one convention may have several topics. */
  conventions: { total: number; topics: FigureRow[] }
  /** Per month (Shanghai time): scheduled events, people signed up, people who came. */
  months: FigureRow[]
  monthSeries: FigureSeries[]
}

/**
 * Counts for /figures, in one language. Only what the public can see counts: published centres'
 * published evaluations, published projects, conventions and events (never drafts), and only
 * events that go ahead. Sign-ups are personal data: they are read with overrideAccess but only
 * their event, status and party size, and only totals leave this function.
 */
export async function districtFigures(lang: Locale, now = new Date()): Promise<DistrictFigures> {
  const payload = await cms()
  const common = { limit: 0, pagination: false, depth: 0, overrideAccess: false, draft: false } as const
  const [centres, evaluations, projects, conventions, events] = await Promise.all([
    payload.find({ collection: 'centres', select: { slug: true }, ...common }),
    payload.find({
      collection: 'evaluations',
      select: { centre: true, year: true, half: true, periodKey: true, stars: true },
      sort: 'periodKey',
      ...common,
    }),
    payload.find({ collection: 'projects', select: { kind: true, status: true }, ...common }),
    payload.find({ collection: 'conventions', select: { topics: true }, ...common }),
    payload.find({
      collection: 'events',
      // Only the months the chart can show, and only events that have begun (what happened):
      // the query stays the same size as the years go by.
      where: {
        status: { equals: 'scheduled' },
        start: { greater_than_equal: windowStart(now).toISOString(), less_than: now.toISOString() },
      },
      select: { start: true },
      ...common,
    }),
  ])

  // An evaluation of a centre the public cannot see (not yet published) is not shown either.
  const publicCentres = new Set(centres.docs.map((c) => String(c.id)))
  const rated = evaluations.docs.filter((e) =>
    publicCentres.has(String(typeof e.centre === 'object' ? e.centre.id : e.centre)),
  )
  const levels = [5, 4, 3, 2, 1]
  const periodKeys = [...new Set(rated.map((e) => e.periodKey ?? 0))].sort((a, b) => a - b)
  const periods = periodKeys.map((key) => {
    const inPeriod = rated.filter((e) => e.periodKey === key)
    const first = inPeriod[0]!
    return {
      key: String(key),
      label: periodLabel(first.year, first.half as '1' | '2', lang),
      values: countEach(inPeriod, levels, (e) => e.stars ?? 0),
    }
  })

  const statuses = PROJECT_STATUSES.map((s) => s.value)
  const kinds = PROJECT_KINDS.map(({ value, label }) => ({
    key: value,
    label: label[lang],
    values: countEach(
      projects.docs.filter((p) => p.kind === value),
      statuses,
      (p) => p.status,
    ),
  }))

  const topicCounts = countEach(
    conventions.docs,
    CONVENTION_TOPICS.map((t) => t.value),
    (c) => c.topics ?? [],
  )
  const topics = CONVENTION_TOPICS.map(({ value }, i) => ({
    key: value,
    label: labelOf(CONVENTION_TOPICS, value, lang),
    values: [topicCounts[i] ?? 0],
  }))
    .filter((t) => t.values[0]! > 0)
    .sort((a, b) => b.values[0]! - a.values[0]!)

  const eventMonth = new Map(events.docs.map((e) => [String(e.id), shanghaiMonth(e.start)]))
  const months = monthWindow(eventMonth.values(), now)
  const registrations =
    eventMonth.size === 0
      ? []
      : (
          await payload.find({
            collection: 'registrations',
            where: {
              and: [{ event: { in: [...eventMonth.keys()] } }, { status: { in: ['confirmed', 'attended'] } }],
            },
            select: { event: true, status: true, partySize: true },
            limit: 0,
            pagination: false,
            depth: 0,
            overrideAccess: true,
          })
        ).docs
  const monthOfSignUp = (r: (typeof registrations)[number]) =>
    eventMonth.get(String(typeof r.event === 'object' ? r.event.id : r.event)) ?? ''
  const eventsPerMonth = countEach(events.docs, months, (e) => eventMonth.get(String(e.id)) ?? '')
  const signedUp = sumEach(registrations, months, monthOfSignUp, (r) => r.partySize ?? 1)
  const attended = sumEach(
    registrations.filter((r) => r.status === 'attended'),
    months,
    monthOfSignUp,
    (r) => r.partySize ?? 1,
  )

  const zh = lang === 'zh'
  return {
    stars: {
      levels: levels.map((stars) => ({
        key: String(stars),
        label: zh ? `${stars} 星` : `${stars} ${stars === 1 ? 'star' : 'stars'}`,
      })),
      periods,
    },
    projects: {
      statuses: PROJECT_STATUSES.map(({ value, label }) => ({ key: value, label: label[lang] })),
      kinds,
    },
    conventions: { total: conventions.docs.length, topics },
    monthSeries: [
      { key: 'events', label: zh ? '活动场次' : 'Events' },
      { key: 'signedUp', label: zh ? '报名人数' : 'People signed up' },
      { key: 'attended', label: zh ? '签到人数' : 'People who came' },
    ],
    months: months.map((month, i) => ({
      key: month,
      label: monthLabel(month, lang),
      values: [eventsPerMonth[i] ?? 0, signedUp[i] ?? 0, attended[i] ?? 0],
    })),
  }
}

/**
 * The conventions in force, for the printed booklet other neighbourhoods learn from: published and
 * adopted, or adopted and later revised. A revised convention is still in force (its current text
 * is the revised one, which is what the booklet prints); a draft, one still in consultation or a
 * retired one is not a convention anyone lives by, so none of those is printed.
 */
export const CONVENTIONS_IN_FORCE = ['adopted', 'revised'] as const

export async function conventionsInForce(): Promise<Convention[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'conventions',
    where: { status: { in: [...CONVENTIONS_IN_FORCE] } },
    locale: 'zh',
    depth: 2,
    populate: CIVIC_POPULATE as never,
    sort: 'slug',
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

// ---------------------------------------------------------------------------------------------
// Study visits (/visits): delegations request a visit and look it up. The checks and the saving
// live in the CMS layer (cms/visits/), so the admin, REST and the site obey the same rules.

export type VisitCentreChoice = { id: number; name: string; slug: string }
export type VisitCentreGroup = { district: string; subDistrict: string; centres: VisitCentreChoice[] }

/**
 * Published centres a delegation may choose, grouped by district and sub-district. Centres
 * whose hosting limit is 0 receive no delegations, so they are not offered.
 */
export async function visitCentreChoices(locale: Locale): Promise<VisitCentreGroup[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'centres',
    select: { name: true, slug: true, subDistrict: true, hostingLimit: true },
    populate: { 'sub-districts': { name: true, slug: true, district: true } },
    sort: 'slug',
    locale,
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  const groups = new Map<string, VisitCentreGroup & { order: string }>()
  for (const centre of docs) {
    if (centre.hostingLimit === 0) continue
    const sub = typeof centre.subDistrict === 'object' && centre.subDistrict ? centre.subDistrict : null
    const key = sub?.slug ?? ''
    const district = DISTRICTS.findIndex((d) => d.value === sub?.district)
    const group = groups.get(key) ?? {
      district: sub?.district ? labelOf(DISTRICTS, sub.district, locale) : '',
      subDistrict: sub?.name ?? '',
      centres: [],
      order: `${district < 0 ? 9 : district}-${key}`,
    }
    group.centres.push({ id: centre.id, name: centre.name, slug: centre.slug })
    groups.set(key, group)
  }
  return [...groups.values()]
    .sort((a, b) => a.order.localeCompare(b.order))
    .map(({ district, subDistrict, centres }) => ({ district, subDistrict, centres }))
}

/** Checks and saves a delegation's request; errors come back per field, in `locale`. */
export async function submitVisitRequest(
  input: VisitRequestInput,
  locale: Locale,
): Promise<RequestVisitResult> {
  return requestVisit(await cms(), input, { locale })
}

/** A request as its delegation may see it, when the reference and the email match; else null. */
export async function findVisitRequest(
  reference: string,
  email: string,
  locale: Locale,
): Promise<VisitStatusView | null> {
  return lookUpVisit(await cms(), { reference, email }, locale)
}
