import { describe, expect, it } from 'vitest'

import { byDistance, describeDistance, distanceMetres, mapAppLink, pointFrom } from './places'

const siping = { latitude: 31.2836, longitude: 121.5087 }

describe('where centres are', () => {
  it('measures distances across a city as a map would (the Bund to People’s Square ≈ 1.9 km)', () => {
    const bund = { latitude: 31.2397, longitude: 121.4906 }
    const square = { latitude: 31.2304, longitude: 121.4737 }
    expect(distanceMetres(bund, square)).toBeGreaterThan(1800)
    expect(distanceMetres(bund, square)).toBeLessThan(2000)
    expect(distanceMetres(siping, siping)).toBe(0)
  })

  it('says distances in words a resident reads', () => {
    expect(describeDistance(12, 'zh')).toBe('不到 100 米')
    expect(describeDistance(730, 'zh')).toBe('约 750 米')
    expect(describeDistance(2345, 'zh')).toBe('约 2.3 公里')
    expect(describeDistance(2345, 'en')).toBe('about 2.3 km')
  })

  it('sorts nearest first, places without coordinates last', () => {
    const far = { name: 'far', latitude: 31.1, longitude: 121.4 }
    const near = { name: 'near', latitude: 31.28, longitude: 121.51 }
    const nowhere = { name: 'nowhere', latitude: null, longitude: null }
    expect(byDistance([nowhere, far, near], siping).map((p) => p.name)).toEqual(['near', 'far', 'nowhere'])
  })

  it('takes a typed point only when it is a coordinate in China', () => {
    expect(pointFrom('31.2836', '121.5087')).toEqual(siping)
    expect(pointFrom('0', '0')).toBeUndefined()
    expect(pointFrom('31.28; drop', '121.5')).toBeUndefined()
    expect(pointFrom(null, '121.5')).toBeUndefined()
  })

  it('opens the map app at the centre in GCJ-02, about 500 m from the WGS-84 point in Shanghai', () => {
    const link = new URL(mapAppLink(siping, '四平路街道睦邻中心'))
    expect(link.origin + link.pathname).toBe('https://uri.amap.com/marker')
    expect(link.searchParams.get('coordinate')).toBe('gaode')
    expect(link.searchParams.get('name')).toBe('四平路街道睦邻中心')
    const [lng, lat] = link.searchParams.get('position')!.split(',').map(Number)
    // GCJ-02 in Shanghai is shifted east by ~0.0044° and south by ~0.002° from WGS-84.
    expect(lng! - siping.longitude).toBeCloseTo(0.0044, 3)
    expect(lat! - siping.latitude).toBeCloseTo(-0.002, 3)
    const shift = distanceMetres(siping, { latitude: lat!, longitude: lng! })
    expect(shift).toBeGreaterThan(300)
    expect(shift).toBeLessThan(700)
  })
})

describe('which way', () => {
  it('names the compass direction from one centre to another', async () => {
    const { direction } = await import('./places')
    expect(direction(siping, { latitude: 31.3, longitude: 121.5087 }, 'zh')).toBe('北')
    expect(direction(siping, { latitude: 31.27, longitude: 121.53 }, 'zh')).toBe('东南')
    expect(direction(siping, { latitude: 31.2836, longitude: 121.4 }, 'en')).toBe('west')
  })
})
