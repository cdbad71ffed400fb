/** Small, explicit documents for integration tests that should not depend on the demo content. */
import type { Payload } from 'payload'

let counter = 0
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`

export async function makeSubDistrict(payload: Payload) {
  return payload.create({
    collection: 'sub-districts',
    data: { name: `测试街道${unique()}`, slug: `sd-${unique()}`, district: 'yangpu' },
  })
}

export async function makeCentre(payload: Payload, overrides: Record<string, unknown> = {}) {
  const subDistrict = await makeSubDistrict(payload)
  return payload.create({
    collection: 'centres',
    data: {
      name: `测试中心${unique()}`,
      slug: `c-${unique()}`,
      subDistrict: subDistrict.id,
      services: [{ category: 'elderly-care', name: '老年助餐', audience: ['elders'] }],
      rooms: [
        { name: '多功能厅', capacity: 80, stepFree: true },
        { name: '活动室', capacity: 20, stepFree: false },
      ],
      _status: 'published',
      ...overrides,
    } as never,
  })
}

export const scores = (f: number, s: number, p: number, g: number, sat: number) => ({
  facilities: f,
  services: s,
  participation: p,
  governance: g,
  satisfaction: sat,
})

export async function makeEvent(payload: Payload, centre: number, overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 7 * 24 * 3600 * 1000)
  return payload.create({
    collection: 'events',
    data: {
      title: `测试活动${unique()}`,
      centre,
      room: '活动室',
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * 60 * 1000).toISOString(),
      capacity: 10,
      maxPartySize: 2,
      _status: 'published',
      ...overrides,
    } as never,
  })
}
