/** Centres, their ratings and what a centre's page lists: the directory, the map, a profile. */
import type { Centre, Convention, Evaluation, Project, Site, SubDistrict } from '@cms/payload-types'
import type { PreviewGrant } from '@cms/preview'
import { documentsCms, findBySlugOrPreview, findDocuments, type Locale } from '../cms'
import { withCurrentPlaces } from './live-counts'
import { keptUntilDocumentsChange } from './memo'

export type CentreFilters = {
  subDistrict?: string
  minStars?: number
  category?: string
  audience?: string
  openNow?: boolean
}

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

/** Published centres as a list shows them, best rated first, with the filters the query applies. */
const publishedCentres = keptUntilDocumentsChange(
  async (locale: Locale, minStars?: number, subDistrict?: string): Promise<CentreListing[]> => {
    const and = []
    if (minStars) and.push({ stars: { greater_than_equal: minStars } })
    if (subDistrict) and.push({ 'subDistrict.slug': { equals: subDistrict } })
    const result = await findDocuments({
      collection: 'centres',
      where: and.length > 0 ? { and } : undefined,
      locale,
      limit: 0,
      pagination: false,
      sort: ['-stars', 'slug'],
      depth: 1,
      select: CENTRE_LISTING_FIELDS,
      populate: { 'sub-districts': { name: true, slug: true } },
    })
    return result.docs
  },
)

/**
 * Published centres for the directory, best rated first, filtered as the visitor asked. The
 * filters on services run here rather than in the query: a district has at most a few hundred
 * centres, and the rules stay readable.
 */

export async function listCentres(
  locale: Locale = 'zh',
  filters: CentreFilters = {},
  isOpen?: (centre: CentreListing) => boolean,
): Promise<{ centres: CentreListing[]; total: number }> {
  const docs = await publishedCentres(locale, filters.minStars, filters.subDistrict)
  const centres = docs.filter(
    (centre) =>
      (!filters.category || (centre.services ?? []).some((s) => s.category === filters.category)) &&
      (!filters.audience ||
        (centre.services ?? []).some((s) => (s.audience ?? []).includes(filters.audience as never))) &&
      (!filters.openNow || !isOpen || isOpen(centre)),
  )
  return { centres, total: centres.length }
}

export const listSubDistricts = keptUntilDocumentsChange(async (locale: Locale): Promise<SubDistrict[]> => {
  const { docs } = await findDocuments({
    collection: 'sub-districts',
    locale,
    limit: 0,
    pagination: false,
    sort: 'slug',
  })
  return docs
})

/** Published evaluations of a centre, oldest first (for its star history). */
export const centreEvaluations = keptUntilDocumentsChange(
  async (centreId: number, locale: Locale): Promise<Evaluation[]> => {
    const { docs } = await findDocuments({
      collection: 'evaluations',
      where: { centre: { equals: centreId } },
      sort: 'periodKey',
      locale,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    return docs
  },
)

/** The latest published evaluation of every centre, for the league table. */
export const latestEvaluations = keptUntilDocumentsChange(async (locale: Locale): Promise<Evaluation[]> => {
  const { docs } = await findDocuments({
    collection: 'evaluations',
    sort: '-periodKey',
    locale,
    depth: 1,
    limit: 0,
    pagination: false,
  })
  const seen = new Set<number>()
  return docs.filter((evaluation) => {
    const id = typeof evaluation.centre === 'object' ? evaluation.centre.id : evaluation.centre
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
})

export async function centreProjects(centreId: number, locale: Locale): Promise<Project[]> {
  return withCurrentPlaces(await centreProjectDocuments(centreId, locale))
}

const centreProjectDocuments = keptUntilDocumentsChange(
  async (centreId: number, locale: Locale): Promise<Project[]> => {
    const { docs } = await findDocuments({
      collection: 'projects',
      where: { centre: { equals: centreId } },
      locale,
      depth: 0,
      limit: 20,
    })
    return docs
  },
)

/** Conventions of the neighbourhoods a centre serves. */
export async function neighbourhoodConventions(
  neighbourhoodIds: number[],
  locale: Locale,
): Promise<Convention[]> {
  if (neighbourhoodIds.length === 0) return []
  return conventionsOfNeighbourhoods(neighbourhoodIds.join(','), locale)
}

const conventionsOfNeighbourhoods = keptUntilDocumentsChange(
  async (neighbourhoodIds: string, locale: Locale): Promise<Convention[]> => {
    const { docs } = await findDocuments({
      collection: 'conventions',
      where: { neighbourhood: { in: neighbourhoodIds.split(',') } },
      locale,
      depth: 1,
      limit: 20,
    })
    return docs
  },
)

/** One centre by its slug (or its draft, under a preview grant). */
export function getCentre(
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<Centre | null> {
  return findBySlugOrPreview<Centre>('centres', slug, locale, grant)
}

/** The site settings: navigation, footer, alert banner, headline figures. */
export const getSite = keptUntilDocumentsChange(async (locale: Locale): Promise<Site> => {
  return (await documentsCms()).findGlobal({ slug: 'site', locale, depth: 0, overrideAccess: false })
})

/** Published centres for the calendar's centre filter: id, name and slug only. */
export const eventCentreOptions = keptUntilDocumentsChange(
  async (locale: Locale): Promise<Array<Pick<Centre, 'id' | 'name' | 'slug'>>> => {
    const { docs } = await findDocuments({
      collection: 'centres',
      select: { name: true, slug: true },
      sort: 'slug',
      locale,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    return docs as Array<Pick<Centre, 'id' | 'name' | 'slug'>>
  },
)
