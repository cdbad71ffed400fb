import { describe, expect, it } from 'vitest'

import { normaliseContactPhone } from './phone'

describe('a delegation contact number', () => {
  it.each([
    ['13900001234', '13900001234'],
    ['139 0000 1234', '13900001234'],
    ['+86 139-0000-1234', '13900001234'],
    ['021-65982031', '021-65982031'],
    ['(021) 6598 2031', '021-65982031'],
    ['010 6234 5678', '010-62345678'],
    ['0571-87654321', '0571-87654321'],
    ['0813-2234567', '0813-2234567'],
    ['+86 21 6598 2031', '021-65982031'],
    ['028-8765 4321 转 206', '028-87654321转206'],
    ['0571 8765 4321 ext. 12', '0571-87654321转12'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseContactPhone(input)).toBe(expected)
  })

  it.each([
    '',
    '12345',
    '6598 2031', // no area code: from another city that reaches no one
    '23900001234', // not a mobile, not an area code
    '021-0598203', // local numbers never start with 0 or 1
    '021-659820311', // one digit too many
    '0571-8765432a',
    'call me',
  ])('refuses %j', (input) => {
    expect(normaliseContactPhone(input)).toBeNull()
  })
})
