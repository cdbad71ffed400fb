/**
 * Study visits (/visits): delegations request a visit and look it up. The checks and the saving
 * live in the CMS layer (cms/visits/), so the admin, REST and the site obey the same rules.
 */
import { DISTRICTS, labelOf } from '@cms/vocabulary'
import { lookUpVisit, type VisitStatusView } from '@cms/visits/look-up'
import { type RequestVisitResult, requestVisit, type VisitRequestInput } from '@cms/visits/request-visit'
import { cms, findDocuments, type Locale } from '../cms'
import { keptUntilDocumentsChange } from './memo'

export type VisitCentreChoice = { id: number; name: string; slug: string }
export type VisitCentreGroup = { district: string; subDistrict: string; centres: VisitCentreChoice[] }

/**
 * Published centres a delegation may choose, grouped by district and sub-district. Centres
 * whose hosting limit is 0 receive no delegations, so they are not offered.
 */
export const visitCentreChoices = keptUntilDocumentsChange(
  async (locale: Locale): Promise<VisitCentreGroup[]> => {
    const { docs } = await findDocuments({
      collection: 'centres',
      select: { name: true, slug: true, subDistrict: true, hostingLimit: true },
      populate: { 'sub-districts': { name: true, slug: true, district: true } },
      sort: 'slug',
      locale,
      depth: 1,
      limit: 0,
      pagination: false,
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
  },
)

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
