import { describe, expect, it } from 'vitest'

import { acceptsClaims, acceptsVolunteers } from './projects'

describe('what a project accepts', () => {
  it('takes claims only while open for claiming, and volunteers until completed', () => {
    const states = ['open', 'claimed', 'in-progress', 'completed'] as const
    expect(states.filter((status) => acceptsClaims({ status }))).toEqual(['open'])
    expect(states.filter((status) => acceptsVolunteers({ status }))).toEqual([
      'open',
      'claimed',
      'in-progress',
    ])
  })
})

describe('who may withdraw as a volunteer', () => {
  it('an active volunteer of a project not yet completed', async () => {
    const { mayWithdrawVolunteer } = await import('./projects')
    expect(mayWithdrawVolunteer({ status: 'active' }, { status: 'in-progress' })).toBe(true)
    expect(mayWithdrawVolunteer({ status: 'cancelled' }, { status: 'in-progress' })).toBe(false)
    expect(mayWithdrawVolunteer({ status: 'active' }, { status: 'completed' })).toBe(false)
  })
})
