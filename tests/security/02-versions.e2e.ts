/**
 * Finding 2: version history was readable by any logged-in staff member: 四平 staff read another
 * centre's draft convention and unpublished event through /versions and GraphQL versionsEvents.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, tokenFor } from '../e2e/rest'
import { centreId, makeEvent } from './fixtures'
import { graphql } from './http'

let conventionId: number
let eventId: number

beforeAll(async () => {
  const created = await api('district-admin', 'POST', '/api/conventions?draft=true', {
    title: '延吉草稿公约 (security test)',
    centre: await centreId('yanji-xincun'),
    _status: 'draft',
  })
  expect(created.status, JSON.stringify(created.json)).toBeLessThan(300)
  conventionId = (created.json.doc as { id: number }).id
  eventId = await makeEvent('延吉未发布活动', 'yanji-xincun', { _status: 'draft' })
})

describe('version history', () => {
  it("is not readable by another centre's staff, by REST or GraphQL", async () => {
    const conventions = await api(
      'centre-staff',
      'GET',
      `/api/conventions/versions?where[parent][equals]=${conventionId}&depth=0`,
    )
    expect(
      conventions.status === 403 || conventions.json.totalDocs === 0,
      JSON.stringify(conventions.json).slice(0, 300),
    ).toBe(true)
    const events = await api(
      'centre-staff',
      'GET',
      `/api/events/versions?where[parent][equals]=${eventId}&depth=0`,
    )
    expect(events.status === 403 || events.json.totalDocs === 0).toBe(true)
    const gql = await graphql(
      `{ versionsEvents(where: { parent: { equals: ${eventId} } }) { totalDocs docs { id } } }`,
      await tokenFor('centre-staff'),
    )
    const total = (gql.json.data as { versionsEvents?: { totalDocs: number } } | undefined)?.versionsEvents
      ?.totalDocs
    expect(total === undefined || total === 0, gql.text.slice(0, 300)).toBe(true)
  })

  it('is not readable anonymously', async () => {
    const events = await api('anonymous', 'GET', '/api/events/versions?depth=0')
    expect(events.status === 403 || events.json.totalDocs === 0).toBe(true)
  })

  it('is still readable by the district and by the owning centre', async () => {
    const district = await api(
      'district-admin',
      'GET',
      `/api/events/versions?where[parent][equals]=${eventId}&depth=0`,
    )
    expect(district.status).toBe(200)
    expect(district.json.totalDocs).toBeGreaterThan(0)
  })
})
