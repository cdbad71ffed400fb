/**
 * Civic content: conventions (/conventions), projects (/projects) and case studies. Small
 * collections, so lists are fetched whole and filtered here, where the matching rules stay readable.
 */
import type { CaseStudy, Centre, Convention, Project, SubDistrict } from '@cms/payload-types'
import type { PreviewGrant } from '@cms/preview'
import { cms, documentsCms, findBySlugOrPreview, findDocuments, type Locale } from '../cms'
import { withCurrentPlaces } from './live-counts'
import { keptUntilDocumentsChange } from './memo'

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

const publishedConventions = keptUntilDocumentsChange(async (locale: Locale): Promise<Convention[]> => {
  const { docs } = await findDocuments({
    collection: 'conventions',
    where: { status: { in: [...PUBLIC_CONVENTION_STATUSES] } },
    locale,
    depth: 2,
    populate: CIVIC_POPULATE as never,
    limit: 0,
    pagination: false,
  })
  return docs
})

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

/** Every published project, with its volunteer places as they stand now. */
async function publishedProjects(locale: Locale): Promise<Project[]> {
  return withCurrentPlaces(await publishedProjectDocuments(locale))
}

const publishedProjectDocuments = keptUntilDocumentsChange(async (locale: Locale): Promise<Project[]> => {
  const { docs } = await findDocuments({
    collection: 'projects',
    locale,
    depth: 2,
    populate: CIVIC_POPULATE as never,
    limit: 0,
    pagination: false,
  })
  // Those still looking for help first, then the newest.
  return docs.sort(
    (a, b) =>
      PROJECT_STATUS_ORDER.indexOf(a.status) - PROJECT_STATUS_ORDER.indexOf(b.status) ||
      (b.startDate ?? '').localeCompare(a.startDate ?? '') ||
      a.slug.localeCompare(b.slug),
  )
})

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
export async function getProject(
  slug: string,
  grant: PreviewGrant | null = null,
  locale: Locale = 'zh',
): Promise<Project | null> {
  const project = await findBySlugOrPreview<Project>('projects', slug, locale, grant, {
    depth: 2,
    populate: CIVIC_POPULATE,
  })
  return project && (await withCurrentPlaces([project]))[0]!
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

/** Projects that still need volunteers or an organisation to claim them. */
export async function projectsLookingForHelp(locale: Locale, limit = 4): Promise<Project[]> {
  const docs = await withCurrentPlaces(await recentlyUpdatedProjects(locale))
  return docs
    .filter((p) => p.status === 'open' || (p.volunteerRoles ?? []).some((r) => (r.filled ?? 0) < r.needed))
    .slice(0, limit)
}

const recentlyUpdatedProjects = keptUntilDocumentsChange(async (locale: Locale): Promise<Project[]> => {
  const { docs } = await findDocuments({
    collection: 'projects',
    where: { status: { in: ['open', 'in-progress'] } },
    sort: '-updatedAt',
    locale,
    depth: 1,
    populate: { centres: { name: true, slug: true }, neighbourhoods: { name: true } },
    limit: 50,
  })
  return docs
})

export const featuredCaseStudy = keptUntilDocumentsChange(
  async (locale: Locale): Promise<CaseStudy | null> => {
    const { docs } = await findDocuments({
      collection: 'case-studies',
      sort: '-updatedAt',
      locale,
      depth: 0,
      limit: 1,
    })
    return docs[0] ?? null
  },
)

/** Published case studies for delegations, newest first; depth 0 because the list shows no relations. */
export const listCaseStudies = keptUntilDocumentsChange(async (locale: Locale): Promise<CaseStudy[]> => {
  const { docs } = await findDocuments({
    collection: 'case-studies',
    sort: ['-updatedAt', 'slug'],
    locale,
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return docs
})

/** One case study with its related centres and projects (or its draft, under a preview grant). */
export function getCaseStudy(
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<CaseStudy | null> {
  return findBySlugOrPreview<CaseStudy>('case-studies', slug, locale, grant)
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
  const preview = grant?.collection === 'case-studies' && grant.id === String(id)
  return preview ? unitsInEnglish(id, true) : publishedUnitsInEnglish(id)
}

const publishedUnitsInEnglish = keptUntilDocumentsChange((id: number) => unitsInEnglish(id, false))

async function unitsInEnglish(id: number, preview: boolean): Promise<Map<string, string>> {
  // A draft is read for one visitor's preview, never kept: through the ordinary door.
  const doc = await (
    await (preview ? cms : documentsCms)()
  ).findByID({
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
 * The conventions in force, for the printed booklet other neighbourhoods learn from: published and
 * adopted, or adopted and later revised. A revised convention is still in force (its current text
 * is the revised one, which is what the booklet prints); a draft, one still in consultation or a
 * retired one is not a convention anyone lives by, so none of those is printed.
 */
export const CONVENTIONS_IN_FORCE = ['adopted', 'revised'] as const

export const conventionsInForce = keptUntilDocumentsChange(async (): Promise<Convention[]> => {
  const { docs } = await findDocuments({
    collection: 'conventions',
    where: { status: { in: [...CONVENTIONS_IN_FORCE] } },
    locale: 'zh',
    depth: 2,
    populate: CIVIC_POPULATE as never,
    sort: 'slug',
    limit: 0,
    pagination: false,
  })
  return docs
})
