import { describe, expect, it } from 'vitest'

import { isHoneypotFilled, RateLimiter } from './rate-limit'

describe('RateLimiter', () => {
  it('allows the configured number of attempts per window, per address and form', () => {
    let time = 0
    const limiter = new RateLimiter(3, 60_000, () => time)
    expect([1, 2, 3, 4].map(() => limiter.allow('signup', '10.0.0.1'))).toEqual([true, true, true, false])
    // Another address and another form have their own allowance.
    expect(limiter.allow('signup', '10.0.0.2')).toBe(true)
    expect(limiter.allow('cancel', '10.0.0.1')).toBe(true)
    expect(limiter.retryAfter('signup', '10.0.0.1')).toBe(60)
    time = 59_000
    expect(limiter.allow('signup', '10.0.0.1')).toBe(false)
    expect(limiter.retryAfter('signup', '10.0.0.1')).toBe(1)
    time = 60_000
    expect(limiter.allow('signup', '10.0.0.1')).toBe(true)
  })
})

describe('honeypot', () => {
  it('is tripped only by a filled-in value', () => {
    expect(isHoneypotFilled(undefined)).toBe(false)
    expect(isHoneypotFilled('  ')).toBe(false)
    expect(isHoneypotFilled('http://spam.example')).toBe(true)
  })
})
