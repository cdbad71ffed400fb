import { describe, expect, it } from 'vitest'

import {
  ACCOUNT_DELAY_MS,
  LOGIN_WINDOW_MS,
  LoginThrottle,
  PER_ACCOUNT,
  PER_ACCOUNT_AND_ADDRESS,
  PER_ADDRESS,
} from './login-throttle'

describe('LoginThrottle', () => {
  it('stops one address guessing one account, but not the owner elsewhere', () => {
    const throttle = new LoginThrottle(() => 0)
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i += 1) {
      expect(throttle.check('A@x', '1.1.1.1').allow).toBe(true)
      throttle.failed('a@x', '1.1.1.1')
    }
    expect(throttle.check('a@x', '1.1.1.1').allow).toBe(false)
    expect(throttle.check('a@x', '2.2.2.2')).toEqual({ allow: true, delayMs: 0 })
  })

  it('stops one address trying many accounts', () => {
    const throttle = new LoginThrottle(() => 0)
    for (let i = 0; i < PER_ADDRESS; i += 1) throttle.failed(`u${i}@x`, '1.1.1.1')
    expect(throttle.check('new@x', '1.1.1.1').allow).toBe(false)
  })

  it('slows, never locks, an account guessed from many addresses', () => {
    const throttle = new LoginThrottle(() => 0)
    for (let i = 0; i < PER_ACCOUNT; i += 1) throttle.failed('a@x', `10.0.${i}.1`)
    expect(throttle.check('a@x', '2.2.2.2')).toEqual({ allow: true, delayMs: ACCOUNT_DELAY_MS })
  })

  it('forgets after the window, and after a success', () => {
    let now = 0
    const throttle = new LoginThrottle(() => now)
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i += 1) throttle.failed('a@x', '1.1.1.1')
    now = LOGIN_WINDOW_MS
    expect(throttle.check('a@x', '1.1.1.1').allow).toBe(true)
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i += 1) throttle.failed('b@x', '1.1.1.1')
    throttle.succeeded('b@x', '1.1.1.1')
    expect(throttle.check('b@x', '1.1.1.1').allow).toBe(true)
  })
})
