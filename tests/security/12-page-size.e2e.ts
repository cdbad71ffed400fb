/** Finding 12: `GET /api/events?limit=100000` returned everything. */
import { describe, expect, it } from 'vitest'

import { cms, graphql, send } from './http'

const MAX = 100

describe('page size of the public API', () => {
  it.each(['limit=100000', 'limit=0', 'pagination=false', 'limit=-1', 'limit=abc'])(
    'is capped: %s',
    async (query) => {
      const answer = await send(cms(`/api/events?${query}&depth=0`))
      expect(answer.status).toBeLessThan(500)
      if (answer.status >= 400) return
      expect((answer.json.docs as unknown[]).length).toBeLessThanOrEqual(MAX)
      expect(Number(answer.json.totalDocs)).toBeGreaterThan(MAX)
    },
  )

  it('is capped in GraphQL too', async () => {
    const answer = await graphql('{ Events(limit: 100000) { docs { id } } }')
    const docs = (answer.json.data as { Events?: { docs: unknown[] } } | undefined)?.Events?.docs ?? []
    expect(docs.length).toBeLessThanOrEqual(MAX)
  })
})
