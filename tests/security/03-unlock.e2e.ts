/** Finding 3: any staff member could unlock any account, the district admin's included. */
import { describe, expect, it } from 'vitest'

import { api } from '../e2e/rest'

describe('unlocking an account', () => {
  it('is refused to centre staff', async () => {
    const answer = await api('centre-staff', 'POST', '/api/users/unlock', { email: 'district@mulin.demo' })
    expect(answer.status).toBe(403)
  })

  it('is refused anonymously', async () => {
    const answer = await api('anonymous', 'POST', '/api/users/unlock', { email: 'district@mulin.demo' })
    expect([401, 403]).toContain(answer.status)
  })

  it('is allowed to the district admin', async () => {
    const answer = await api('district-admin', 'POST', '/api/users/unlock', { email: 'yanji@mulin.demo' })
    expect(answer.status).toBe(200)
  })
})
