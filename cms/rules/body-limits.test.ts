import { describe, expect, it } from 'vitest'

import { BODY_LIMITS, bodyLimit, checkBody } from './body-limits'

describe('body limits', () => {
  it('gives each kind of request its limit', () => {
    expect(bodyLimit('site', '/events/3')).toBe(BODY_LIMITS.siteForm)
    expect(bodyLimit('cms', '/api/events/3/register')).toBe(BODY_LIMITS.publicEndpoint)
    expect(bodyLimit('cms', '/api/registrations/lookup')).toBe(BODY_LIMITS.publicEndpoint)
    expect(bodyLimit('cms', '/api/users/login')).toBe(BODY_LIMITS.publicEndpoint)
    expect(bodyLimit('cms', '/api/graphql')).toBe(BODY_LIMITS.graphql)
    expect(bodyLimit('cms', '/api/media')).toBe(BODY_LIMITS.upload)
    expect(bodyLimit('cms', '/api/events/3')).toBe(BODY_LIMITS.api)
  })
  it('refuses bodies over the limit or of unknown length', () => {
    expect(checkBody('POST', { 'content-length': '10' }, 100)).toEqual({ ok: true })
    expect(checkBody('POST', { 'content-length': '101' }, 100)).toEqual({ ok: false, status: 413 })
    expect(checkBody('POST', { 'content-length': 'abc' }, 100)).toEqual({ ok: false, status: 413 })
    expect(checkBody('POST', { 'transfer-encoding': 'chunked' }, 100)).toEqual({ ok: false, status: 411 })
    expect(checkBody('POST', {}, 100)).toEqual({ ok: true })
    expect(checkBody('GET', { 'content-length': '1000' }, 100)).toEqual({ ok: true })
  })
})
