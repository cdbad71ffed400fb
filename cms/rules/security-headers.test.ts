import { describe, expect, it } from 'vitest'

import {
  cmsSurface,
  codeReferrerPolicy,
  keptSecurityHeaders,
  originOf,
  securityHeaders,
} from './security-headers'

describe('securityHeaders', () => {
  it('gives the site a strict policy that forbids framing and inline script', () => {
    const headers = securityHeaders({
      surface: 'site',
      path: '/',
      https: false,
      imageOrigins: ['http://localhost:3000'],
    })
    const csp = headers['Content-Security-Policy']!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("img-src 'self' data: http://localhost:3000")
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Strict-Transport-Security']).toBeUndefined()
  })
  it('never sends a code to another site', () => {
    const policy = (path: string) =>
      securityHeaders({ surface: 'site', path, https: false })['Referrer-Policy']
    // every page with a code has forms that post back to it: same-origin keeps their Origin header
    expect(policy('/signups/ABC123')).toBe('same-origin')
    expect(policy('/en/signups/ABC123')).toBe('same-origin')
    expect(policy('/signups/ABC123/feedback')).toBe('same-origin')
    expect(policy('/signups')).toBe('same-origin')
    expect(policy('/signups?code=ABC123')).toBe('same-origin')
    expect(policy('/events')).toBe('strict-origin-when-cross-origin')
    expect(codeReferrerPolicy('/signupsx')).toBeUndefined()
  })
  it('lets only the admin’s own pages use the camera (the door scans QR codes)', () => {
    const permissions = (surface: 'site' | 'admin' | 'api') =>
      securityHeaders({ surface, path: '/admin/check-in', https: false })['Permissions-Policy']
    expect(permissions('admin')).toContain('camera=(self)')
    expect(permissions('site')).toContain('camera=()')
    expect(permissions('api')).toContain('camera=()')
    expect(permissions('admin')).toContain('microphone=()')
  })
  it('lets only the site ask for the phone’s location (the nearest centre)', () => {
    const permissions = (surface: 'site' | 'admin' | 'api') =>
      securityHeaders({ surface, path: '/centres', https: false })['Permissions-Policy']
    expect(permissions('site')).toContain('geolocation=(self)')
    expect(permissions('admin')).toContain('geolocation=()')
    expect(permissions('api')).toContain('geolocation=()')
  })
  it('adds HSTS over HTTPS', () => {
    expect(
      securityHeaders({ surface: 'admin', path: '/admin', https: true })['Strict-Transport-Security'],
    ).toMatch(/max-age=\d+/)
  })
  it('lets nothing run from the API or uploaded files', () => {
    const csp = securityHeaders({ surface: 'api', path: '/api/media/file/x.png', https: false })[
      'Content-Security-Policy'
    ]!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('sandbox')
  })
  it('tells the API from the admin, and reads origins of templates', () => {
    expect(cmsSurface('/api/events')).toBe('api')
    expect(cmsSurface('/admin')).toBe('admin')
    expect(cmsSurface('/apix')).toBe('admin')
    expect(originOf('https://tiles.example/{z}/{x}/{y}.png')).toBe('https://tiles.example')
    expect(originOf('not a url')).toBeUndefined()
  })
  it('keeps each form of the headers once, and it is the form securityHeaders gives for that path', () => {
    const origins = { imageOrigins: ['http://cms.example'], connectOrigins: ['http://cms.example'] }
    const kept = keptSecurityHeaders(origins)
    const cases: Array<['site' | 'admin' | 'api', string, boolean]> = [
      ['site', '/events', false],
      ['site', '/signups/ABC123', false],
      ['site', '/en/signups/XYZ789/feedback', true],
      ['admin', '/admin/check-in', true],
      ['api', '/api/media/file/x.png', false],
    ]
    for (const [surface, path, https] of cases)
      expect(Object.fromEntries(kept(surface, path, https))).toEqual(
        securityHeaders({ ...origins, surface, path, https }),
      )
    // Two pages of one form share it; a sign-up's page does not get an ordinary page's.
    expect(kept('site', '/centres', false)).toBe(kept('site', '/events', false))
    expect(kept('site', '/signups/ABC123', false)).not.toBe(kept('site', '/events', false))
    expect(kept('site', '/events', true)).not.toBe(kept('site', '/events', false))
  })
})
