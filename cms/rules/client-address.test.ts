import { describe, expect, it } from 'vitest'

import { clientAddress, parseTrustedProxies } from './client-address'

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5')
    expect(clientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1')
    expect(clientAddress(undefined, '1.2.3.4', 0)).toBe('unknown')
  })
  it('takes the entry the trusted proxies vouch for, never what the client claimed', () => {
    // client claimed 6.6.6.6; the proxy (socket 10.0.0.1) appended the real 1.2.3.4
    expect(clientAddress('10.0.0.1', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4')
    expect(clientAddress('10.0.0.1', '1.2.3.4', 1)).toBe('1.2.3.4')
    expect(clientAddress('10.0.0.1', ['6.6.6.6', '1.2.3.4, 10.0.0.9'], 2)).toBe('1.2.3.4')
    // fewer entries than proxies: the earliest there is
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1')
    expect(clientAddress('10.0.0.1', '1.2.3.4', 3)).toBe('1.2.3.4')
  })
  it('reads the setting strictly', () => {
    expect(parseTrustedProxies(undefined)).toBe(0)
    expect(parseTrustedProxies('')).toBe(0)
    expect(parseTrustedProxies('2')).toBe(2)
    expect(() => parseTrustedProxies('yes')).toThrow(/TRUSTED_PROXIES/)
    expect(() => parseTrustedProxies('-1')).toThrow(/TRUSTED_PROXIES/)
  })
})
