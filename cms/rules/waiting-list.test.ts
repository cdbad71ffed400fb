import { describe, expect, it } from 'vitest'

import { partiesToPromote, queuePosition } from './waiting-list'

const queue = (...sizes: number[]) => sizes.map((partySize, i) => ({ id: i + 1, partySize }))
const ids = (parties: { id: number }[]) => parties.map((p) => p.id)

describe('partiesToPromote', () => {
  it('seats waiting parties in the order they signed up', () => {
    expect(ids(partiesToPromote(2, queue(1, 1, 1)))).toEqual([1, 2])
  })

  it('promotes no one when no seat is free, or no one waits', () => {
    expect(partiesToPromote(0, queue(1, 1))).toEqual([])
    expect(partiesToPromote(-3, queue(1))).toEqual([])
    expect(partiesToPromote(5, [])).toEqual([])
  })

  it('never splits a party: a party larger than the free seats keeps waiting', () => {
    expect(ids(partiesToPromote(2, queue(3)))).toEqual([])
  })

  it('seats a later party that fits when the one ahead does not, without losing the larger party its place', () => {
    const waiting = queue(3, 1, 2, 1)
    expect(ids(partiesToPromote(2, waiting))).toEqual([2, 4])
    // After those two are seated, the party of three is still first in line.
    const left = waiting.filter((p) => ![2, 4].includes(p.id))
    expect(queuePosition(left, 1)).toBe(1)
    expect(ids(partiesToPromote(3, left))).toEqual([1])
  })

  it('fills the seats exactly when parties add up to them', () => {
    expect(ids(partiesToPromote(4, queue(2, 2, 1)))).toEqual([1, 2])
  })

  it('counts a missing or zero party size as one person', () => {
    expect(ids(partiesToPromote(1, queue(0, 1)))).toEqual([1])
  })
})

describe('queuePosition', () => {
  it('is 1 for the next in line and undefined for someone not waiting', () => {
    expect(queuePosition(queue(1, 1, 1), 3)).toBe(3)
    expect(queuePosition(queue(1), 9)).toBeUndefined()
  })
})
