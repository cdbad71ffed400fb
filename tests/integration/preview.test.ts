import { describe, expect, it } from 'vitest'

import { createPreviewToken, pathOf, previewUrl, verifyPreviewToken } from '../../cms/preview'

describe('preview links', () => {
  const secret = 'test-secret'
  const now = Date.UTC(2026, 10, 23, 8, 0)

  it('grant one document for an hour', () => {
    const token = createPreviewToken('centres', 42, now, secret)
    expect(verifyPreviewToken(token, now + 59 * 60 * 1000, secret)).toMatchObject({
      collection: 'centres',
      id: '42',
    })
    expect(verifyPreviewToken(token, now + 61 * 60 * 1000, secret)).toBeNull()
  })

  it('cannot be altered to reach another document or forged without the secret', () => {
    const token = createPreviewToken('centres', 42, now, secret)
    expect(verifyPreviewToken(token.replace('centres.42', 'centres.43'), now, secret)).toBeNull()
    expect(verifyPreviewToken(token, now, 'another-secret')).toBeNull()
    expect(verifyPreviewToken('centres.42.9999999999.forged', now, secret)).toBeNull()
    expect(verifyPreviewToken('', now, secret)).toBeNull()
  })

  it("point at the document's page in the chosen language", () => {
    expect(pathOf('centres', { id: 1, slug: 'siping-road' })).toBe('/centres/siping-road')
    expect(pathOf('case-studies', { id: 1, slug: 'jiangpu-foundation' }, 'en')).toBe(
      '/en/case-studies/jiangpu-foundation',
    )
    expect(pathOf('events', { id: 7 })).toBe('/events/7')
    const url = new URL(previewUrl('centres', { id: 3, slug: 'yanji-xincun' })!)
    expect(url.pathname).toBe('/preview')
    expect(url.searchParams.get('next')).toBe('/centres/yanji-xincun')
    expect(verifyPreviewToken(url.searchParams.get('token')!)).toMatchObject({ id: '3' })
  })
})
