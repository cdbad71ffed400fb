/**
 * Where centres are, for residents: distances (the stored coordinates are WGS-84, as content/README.md
 * says), the nearest centres to a point, and a link that opens the phone's map app at a centre.
 * Chinese map apps (Amap, Baidu, Tencent) work in GCJ-02, the state-mandated offset system: a
 * WGS-84 point shown as GCJ-02 lands a few hundred metres off, so the link converts it first.
 */
import gcoord from 'gcoord'

export type Point = { latitude: number; longitude: number }

const EARTH_RADIUS_M = 6_371_000

/** Great-circle distance in metres (haversine): plenty for a few kilometres across a city. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h))
}

/** A distance as a resident reads it: metres when close, kilometres with one decimal further away. */
export function describeDistance(metres: number, lang: 'zh' | 'en'): string {
  if (metres < 100) return lang === 'zh' ? '不到 100 米' : 'under 100 m'
  if (metres < 1000) {
    const rounded = Math.max(50, Math.round(metres / 50) * 50)
    return lang === 'zh' ? `约 ${rounded} 米` : `about ${rounded} m`
  }
  const km = (metres / 1000).toFixed(1)
  return lang === 'zh' ? `约 ${km} 公里` : `about ${km} km`
}

export const hasPoint = <T extends { latitude?: number | null; longitude?: number | null }>(
  place: T,
): place is T & Point => typeof place.latitude === 'number' && typeof place.longitude === 'number'

/** Places sorted nearest first, each with its distance from `origin`; places without coordinates last. */
export function byDistance<T extends { latitude?: number | null; longitude?: number | null }>(
  places: T[],
  origin: Point,
): Array<T & { distance?: number }> {
  return places
    .map((place) => ({ ...place, distance: hasPoint(place) ? distanceMetres(origin, place) : undefined }))
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity))
}

/** A point typed into an address (?lat=…&lng=…), accepted only if it is a real coordinate in China. */
export function pointFrom(lat: string | null, lng: string | null): Point | undefined {
  if (!lat || !lng || !/^-?\d{1,3}(\.\d{1,8})?$/.test(lat) || !/^-?\d{1,3}(\.\d{1,8})?$/.test(lng))
    return undefined
  const point = { latitude: Number(lat), longitude: Number(lng) }
  const inChina = point.latitude > 18 && point.latitude < 54 && point.longitude > 73 && point.longitude < 136
  return inChina ? point : undefined
}

/**
 * The Amap (高德) link that opens the map app (or its web page) with a marker on the centre,
 * from where the phone can navigate. Amap takes GCJ-02 (`coordinate=gaode`), longitude first.
 */
export function mapAppLink(place: Point, name: string): string {
  const [lng, lat] = gcoord.transform([place.longitude, place.latitude], gcoord.WGS84, gcoord.GCJ02)
  const params = new URLSearchParams({
    position: `${lng.toFixed(6)},${lat.toFixed(6)}`,
    name,
    src: 'mulin',
    coordinate: 'gaode',
    callnative: '1',
  })
  return `https://uri.amap.com/marker?${params.toString().replace(/%2C/g, ',')}`
}

const DIRECTIONS = {
  zh: ['北', '东北', '东', '东南', '南', '西南', '西', '西北'],
  en: ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'],
}

/** Which way `to` lies from `from`, as a compass word (八个方向). */
export function direction(from: Point, to: Point, lang: 'zh' | 'en'): string {
  const dx = (to.longitude - from.longitude) * Math.cos((from.latitude * Math.PI) / 180)
  const dy = to.latitude - from.latitude
  const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360
  return DIRECTIONS[lang][Math.round(bearing / 45) % 8]!
}
