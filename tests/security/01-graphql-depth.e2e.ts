/**
 * Finding 1: GraphQL nesting was not bounded. Eight levels of Neighbourhoods → centre →
 * neighbourhoods answered 200 after seconds with megabytes; twelve blocked the CMS.
 */
import { describe, expect, it } from 'vitest'

import { graphql } from './http'

function nested(levels: number): string {
  let inner = 'name'
  for (let i = 0; i < levels; i += 1) {
    inner = i % 2 === 0 ? `centre { name neighbourhoods { ${inner} } }` : inner
  }
  return `{ Neighbourhoods(limit: 100) { docs { name ${inner} } } }`
}

describe('GraphQL depth and cost', () => {
  it('refuses a deeply nested anonymous query at once, with a clear message', async () => {
    const answer = await graphql(nested(8))
    expect(answer.status).toBe(400)
    expect(answer.ms).toBeLessThan(1_500)
    expect(answer.text).toMatch(/depth|deep|嵌套/i)
  })

  it('refuses a shallow query whose nested lists multiply its cost', async () => {
    const answer = await graphql(
      '{ Centres(limit: 100) { docs { neighbourhoods { centre { neighbourhoods { name } } } } } }',
    )
    expect(answer.status).toBe(400)
    expect(answer.text).toMatch(/cost|complex|复杂/i)
  })

  it('still answers an ordinary query', async () => {
    const answer = await graphql('{ Events(limit: 2) { docs { id title centre { name } } } }')
    expect(answer.status).toBe(200)
    expect(answer.json.errors).toBeUndefined()
  })
})
