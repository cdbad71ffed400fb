import { describe, expect, it } from 'vitest'

import { sameSitePath } from './forms'

describe('sameSitePath', () => {
  const origin = 'https://mulin.example.cn'
  it('keeps paths on this site, with their query and fragment', () => {
    expect(sameSitePath('/centres?stars=5#list', origin)).toBe('/centres?stars=5#list')
    expect(sameSitePath(null, origin)).toBe('/')
  })
  it('sends anything that leaves the site home', () => {
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/.//evil.example',
      '/./\\evil.example',
      '/..//evil.example',
      '/\t/evil.example',
    ]) {
      expect(sameSitePath(next, origin), next).toBe('/')
    }
  })
})
