/** Documents the security tests need, made through the REST API as the district. */
import { expect } from 'vitest'

import { api, findOne } from '../e2e/rest'

const stamp = Date.now().toString(36)

export async function centreId(slug: string): Promise<number> {
  return (await findOne('centres', `where[slug][equals]=${slug}`)).id as number
}

/** A published event at a centre, five days from now, open for sign-ups. */
export async function makeEvent(
  title: string,
  centreSlug = 'siping-road',
  extra: Record<string, unknown> = {},
) {
  const start = new Date(Date.now() + 5 * 86_400_000)
  const { status, json } = await api('district-admin', 'POST', '/api/events', {
    title: `${title}${stamp}`,
    centre: await centreId(centreSlug),
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    capacity: 20,
    maxPartySize: 3,
    waitingList: true,
    _status: 'published',
    ...extra,
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}
