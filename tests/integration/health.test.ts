import { describe, expect, it } from 'vitest'

import { healthResponse, readiness } from '../../cms/health'
import { testPayload } from '../helpers/payload'

describe('readiness', () => {
  it('is ready on a migrated database, and names a migration that has not been applied', async () => {
    const payload = await testPayload()
    await expect(readiness(payload)).resolves.toEqual({ ready: true, database: 'up', pendingMigrations: [] })

    const applied = await payload.find({ collection: 'payload-migrations', sort: '-name', limit: 1 })
    const latest = applied.docs[0]!
    await payload.delete({ collection: 'payload-migrations', id: latest.id })
    const state = await readiness(payload)
    expect(state).toMatchObject({ ready: false, database: 'up', pendingMigrations: [latest.name] })
    const response = healthResponse(state, state.ready)
    expect(response.status).toBe(503)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})
