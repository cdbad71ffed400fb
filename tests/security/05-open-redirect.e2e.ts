/** Finding 5: `/care?on=1&next=/.//evil.example` answered 303 `Location: //evil.example`. */
import { describe, expect, inject, it } from 'vitest'

import { send, site } from './http'

const tricks = [
  '/.//evil.example',
  '/./\\evil.example',
  '/%2F%2Fevil.example',
  '//evil.example',
  '/\\evil.example',
  'https://evil.example/',
  '/..//evil.example',
  '/\t/evil.example',
]

describe('care mode switch', () => {
  it.each(tricks)('never sends the visitor off the site: next=%s', async (next) => {
    const answer = await send(site(`/care?on=1&next=${encodeURIComponent(next)}`))
    expect(answer.status).toBe(303)
    const location = String(answer.headers.location)
    expect(location.startsWith('/')).toBe(true)
    expect(location).not.toMatch(/^\/[/\\]/)
    expect(new URL(location, inject('siteUrl')).origin).toBe(new URL(inject('siteUrl')).origin)
  })

  it('still goes back to the page it was switched on', async () => {
    const answer = await send(site('/care?on=1&next=%2Fevents%3Fpage%3D2'))
    expect(answer.headers.location).toBe('/events?page=2')
  })
})
