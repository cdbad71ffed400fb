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
