/** Business rules refuse with a reason staff can read, through the REST API of the built CMS. */
import { describe, expect, it } from 'vitest'

import { api, findOne } from './rest'

describe('a refused change', () => {
  it('says why, in Chinese and English, when capacity would fall below the confirmed seats', async () => {
    const { json } = await api(
      'district-admin',
      'GET',
      '/api/events?where[seatsTaken][greater_than]=3&limit=1&depth=0',
    )
    const event = (json.docs as Array<{ id: number; seatsTaken: number }>)[0]!
    const refused = await api('district-admin', 'PATCH', `/api/events/${event.id}`, {
      capacity: event.seatsTaken - 1,
      maxPartySize: 1,
    })
    expect(refused.status).toBe(400)
    const message = JSON.stringify(refused.json)
    expect(message).toContain(`已有 ${event.seatsTaken} 人确认报名`)
    expect(message).toContain('capacity cannot go below')
  })

  it('says why when a centre is evaluated twice for one period', async () => {
    const existing = await findOne('evaluations', 'where[published][equals]=true')
    const again = await api('district-admin', 'POST', '/api/evaluations', {
      centre: existing.centre,
      year: existing.year,
      half: existing.half,
      scores: { facilities: 10, services: 10, participation: 10, governance: 10, satisfaction: 10 },
    })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.json)).toContain('已有评估记录')
  })
})
