/**
 * Finding 11: after five wrong passwords an existing email said "locked" and an unknown one kept
 * saying "incorrect" (enumeration), anyone could lock a staff account for 15 minutes, and GraphQL's
 * "Did you mean …?" suggestions revealed the schema.
 */
import { describe, expect, inject, it } from 'vitest'

import { graphql, postJson } from './http'

const login = (email: string, password: string, from: string) =>
  postJson('/api/users/login', { email, password }, from)

describe('logging in', () => {
  it('answers unknown and known emails alike, however often', async () => {
    const known: Array<[number, unknown]> = []
    const unknown: Array<[number, unknown]> = []
    for (let i = 0; i < 7; i += 1) {
      const a = await login('yanji@mulin.demo', `wrong-${i}`, '127.0.0.111')
      const b = await login('nobody-here@mulin.demo', `wrong-${i}`, '127.0.0.112')
      known.push([a.status, a.json.errors ?? a.json.message])
      unknown.push([b.status, b.json.errors ?? b.json.message])
    }
    expect(known).toEqual(unknown)
    expect(JSON.stringify(known)).not.toMatch(/lock/i)
  })

  it('does not let a stranger lock staff out', async () => {
    for (let i = 0; i < 12; i += 1) await login('yanji@mulin.demo', `guess-${i}`, '127.0.0.113')
    const owner = await login('yanji@mulin.demo', inject('demoPassword'), '127.0.0.114')
    expect(owner.status).toBe(200)
  })

  it('slows a guesser down: one address gets 429 after a number of failures', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 25; i += 1)
      statuses.push((await login(`someone${i}@mulin.demo`, 'nope', '127.0.0.115')).status)
    expect(statuses).toContain(429)
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true)
  })
})

describe('GraphQL', () => {
  it('makes no field suggestions', async () => {
    const answer = await graphql('{ Registrations { docs { phon nam } } }')
    expect(answer.status).toBeLessThan(500)
    expect(answer.text).toMatch(/Cannot query field/)
    expect(answer.text).not.toMatch(/did you mean/i)
    expect(answer.text).not.toContain('"phone"')
  })
})
