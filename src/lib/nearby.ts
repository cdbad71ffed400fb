/**
 * Loaders for "where is it, and what is near": a centre's neighbours for its page, and the
 * directory sorted by distance from a neighbourhood (居民区) or from the phone's own location.
 */
import type { Centre } from '@cms/payload-types'

import { deepFreeze, keptUntilDocumentsChange } from './content/memo'
import { documentsCms, type Locale } from './cms'
import { byDistance, hasPoint, type Point } from './places'

export type NearbyCentre = Pick<Centre, 'id' | 'slug' | 'name'> & Point & { distance: number }

/** The last neighbours worked out for a kept (frozen) centre, and from which pins. */
const keptNear = new WeakMap<object, { pins: object; near: readonly NearbyCentre[] }>()

/**
 * The published centres nearest to `centre` (itself excluded), within 4 km, nearest first. For a
 * kept centre, worked out once for the kept pins and handed on as the same frozen list, so the
 * map drawn from it is kept too (src/components/pages/CentreProfile.astro).
 */
export async function centresNear(centre: Centre, lang: Locale): Promise<readonly NearbyCentre[]> {
  if (!hasPoint(centre)) return []
  const pins = await centrePins(lang)
  const last = keptNear.get(centre)
  if (last?.pins === pins) return last.near
  const near = nearestOf(centre, pins)
  if (Object.isFrozen(centre) && Object.isFrozen(pins)) keptNear.set(centre, { pins, near: deepFreeze(near) })
  return near
}

function nearestOf(
  centre: Centre & Point,
  pins: Awaited<ReturnType<typeof centrePins>>,
  count = 4,
  withinMetres = 4000,
): NearbyCentre[] {
  const docs = pins.filter((pin) => pin.id !== centre.id)
  return byDistance(docs.filter(hasPoint), centre)
    .filter((c): c is typeof c & Point & { distance: number } => (c.distance ?? Infinity) <= withinMetres)
    .slice(0, count)
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      latitude: c.latitude,
      longitude: c.longitude,
      distance: c.distance,
    }))
}

/** Every published centre's pin: only what a pin needs, kept until a document changes. */
const centrePins = keptUntilDocumentsChange(async (lang: Locale) => {
  const { docs } = await (
    await documentsCms()
  ).find({
    collection: 'centres',
    select: { slug: true, name: true, latitude: true, longitude: true },
    locale: lang,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    draft: false,
  })
  return docs
})

export type NeighbourhoodChoice = { id: number; name: string; subDistrict: string; point?: Point }

/**
 * Every neighbourhood a resident can pick, by sub-district. A neighbourhood has no coordinates of
 * its own: it is placed where the centre serving it is (the centre stands in or beside it), and
 * the directory says so.
 */
export const neighbourhoodChoices = keptUntilDocumentsChange(
  async (lang: Locale): Promise<NeighbourhoodChoice[]> => {
    const payload = await documentsCms()
    const common = { locale: lang, limit: 0, pagination: false, depth: 0, overrideAccess: false } as const
    // Three flat reads instead of populating two relationships on each of some seventy rows.
    const [neighbourhoods, centres, subDistricts] = await Promise.all([
      payload.find({
        collection: 'neighbourhoods',
        select: { name: true, subDistrict: true, centre: true },
        sort: 'subDistrict',
        ...common,
      }),
      payload.find({
        collection: 'centres',
        select: { latitude: true, longitude: true },
        draft: false,
        ...common,
      }),
      payload.find({ collection: 'sub-districts', select: { name: true }, ...common }),
    ])
    const idOf = (value: unknown) =>
      typeof value === 'object' && value !== null ? (value as { id: number }).id : value
    const placeOf = new Map(
      centres.docs.filter(hasPoint).map((c) => [c.id, { latitude: c.latitude, longitude: c.longitude }]),
    )
    const nameOf = new Map(subDistricts.docs.map((d) => [d.id, d.name]))
    return neighbourhoods.docs.map((n) => ({
      id: n.id,
      name: n.name,
      subDistrict: nameOf.get(idOf(n.subDistrict) as number) ?? '',
      point: placeOf.get(idOf(n.centre) as number),
    }))
  },
)
