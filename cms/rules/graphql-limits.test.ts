import { buildSchema, parse } from 'graphql'
import { describe, expect, it } from 'vitest'

import {
  checkQuery,
  fragmentCycle,
  MAX_COST,
  queryCost,
  queryDepth,
  withoutSuggestions,
} from './graphql-limits'

// A schema shaped like Payload's: collection queries with `limit` returning a page of `docs`.
const schema = buildSchema(`
  type Centre { id: Int name: String neighbourhoods: [Neighbourhood] }
  type Neighbourhood { id: Int name: String centre: Centre }
  type Centres { docs: [Centre] totalDocs: Int }
  type Neighbourhoods { docs: [Neighbourhood] totalDocs: Int }
  type Query { Centres(limit: Int): Centres Neighbourhoods(limit: Int): Neighbourhoods }
`)

describe('GraphQL limits', () => {
  it('measures depth through fragments', () => {
    expect(queryDepth(parse('{ Centres { docs { name } } }'))).toBe(3)
    expect(
      queryDepth(parse('{ Centres { ...F } } fragment F on Centres { docs { neighbourhoods { name } } }')),
    ).toBe(4)
  })

  it('finds fragment cycles without looping', () => {
    const document = parse(
      '{ Centres { docs { ...A } } } fragment A on Centre { id ...B } fragment B on Centre { name ...A }',
    )
    expect(fragmentCycle(document)).toBeDefined()
    expect(queryDepth(document)).toBeGreaterThan(0)
    expect(checkQuery(document)).toMatch(/cycle/)
    expect(
      fragmentCycle(parse('{ Centres { ...A ...A } } fragment A on Centres { totalDocs }')),
    ).toBeUndefined()
  })

  it('refuses deep nesting', () => {
    let inner = 'name'
    for (let i = 0; i < 6; i += 1) inner = `centre { neighbourhoods { ${inner} } }`
    expect(checkQuery(parse(`{ Neighbourhoods { docs { ${inner} } } }`), schema)).toMatch(/depth/)
  })

  it('makes nested lists multiply the cost', () => {
    const small = queryCost(schema, parse('{ Centres(limit: 2) { docs { name } } }'))
    expect(small).toBe(1 + 2 * 2)
    const wide = parse(
      '{ Centres(limit: 100) { docs { neighbourhoods { centre { neighbourhoods { name } } } } } }',
    )
    expect(queryCost(schema, wide)).toBeGreaterThan(MAX_COST)
    expect(checkQuery(wide, schema)).toMatch(/complex/)
    // limit 0 or huge counts as the largest page
    expect(queryCost(schema, parse('{ Centres(limit: 0) { docs { name } } }'))).toBe(1 + 100 * 2)
    expect(
      queryCost(schema, parse('query($n: Int) { Centres(limit: $n) { docs { name } } }'), { n: 5 }),
    ).toBe(11)
    expect(
      checkQuery(parse('{ Centres(limit: 20) { docs { name neighbourhoods { name } } } }'), schema),
    ).toBeUndefined()
  })

  it('removes suggestions from messages', () => {
    expect(
      withoutSuggestions('Cannot query field "phon" on type "Registration". Did you mean "phone"?'),
    ).toBe('Cannot query field "phon" on type "Registration".')
  })
})
