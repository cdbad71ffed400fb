/**
 * Loaders for "where is it, and what is near": a centre's neighbours for its page, and the
 * directory sorted by distance from a neighbourhood (居民区) or from the phone's own location.
 */
import type { Centre, Neighbourhood } from '@cms/payload-types'

import { cms, listCentres, type Locale } from './cms'
import { byDistance, hasPoint, type Point } from './places'

export type NearbyCentre = Pick<Centre, 'id' | 'slug' | 'name'> & Point & { distance: number }

/** The published centres nearest to `centre` (itself excluded), within `withinMetres`. */
export async function centresNear(
  centre: Centre,
  lang: Locale,
  count = 4,
  withinMetres = 4000,
): Promise<NearbyCentre[]> {
  if (!hasPoint(centre)) return []
  const { centres } = await listCentres(lang)
  return byDistance(
    centres.filter((c) => c.id !== centre.id && hasPoint(c)),
    centre,
  )
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

export type NeighbourhoodChoice = { id: number; name: string; subDistrict: string; point?: Point }

/**
 * Every neighbourhood a resident can pick, by sub-district. A neighbourhood has no coordinates of
 * its own: it is placed where the centre serving it is (the centre stands in or beside it), and
 * the directory says so.
 */
export async function neighbourhoodChoices(lang: Locale): Promise<NeighbourhoodChoice[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection: 'neighbourhoods',
    locale: lang,
    limit: 0,
    pagination: false,
    depth: 1,
    sort: 'subDistrict',
    overrideAccess: false,
  })
  return docs.map((n: Neighbourhood) => {
    const centre = typeof n.centre === 'object' ? n.centre : undefined
    const subDistrict = typeof n.subDistrict === 'object' ? n.subDistrict?.name : undefined
    return {
      id: n.id,
      name: n.name,
      subDistrict: subDistrict ?? '',
      point:
        centre && centre._status !== 'draft' && hasPoint(centre)
          ? { latitude: centre.latitude, longitude: centre.longitude }
          : undefined,
    }
  })
}
