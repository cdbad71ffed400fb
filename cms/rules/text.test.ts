import { describe, expect, it } from 'vitest'

import { checkName, strictInteger } from './text'

describe('checkName', () => {
  it('keeps ordinary names, tidied', () => {
    expect(checkName('  张  三 ', 40)).toEqual({ ok: true, value: '张 三' })
    expect(checkName('Mary-Ann O’Brien', 40)).toEqual({ ok: true, value: 'Mary-Ann O’Brien' })
    expect(checkName('李四2', 40)).toEqual({ ok: true, value: '李四2' })
  })
  it('refuses what is empty, invisible or carries control characters', () => {
    expect(checkName('   ', 40)).toEqual({ ok: false, reason: 'empty' })
    expect(checkName(undefined, 40)).toEqual({ ok: false, reason: 'empty' })
    expect(checkName(42, 40)).toEqual({ ok: false, reason: 'empty' })
    expect(checkName('\u200b\u200b\u200b', 40)).toEqual({ ok: false, reason: 'control' })
    expect(checkName('a\u0000b', 40)).toEqual({ ok: false, reason: 'control' })
    expect(checkName('abc\u202eevil', 40)).toEqual({ ok: false, reason: 'control' })
    expect(checkName('...', 40)).toEqual({ ok: false, reason: 'unreadable' })
  })
  it('counts characters, not UTF-16 units', () => {
    expect(checkName('𠀀'.repeat(40), 40).ok).toBe(true)
    expect(checkName('名'.repeat(41), 40)).toEqual({ ok: false, reason: 'too-long' })
  })
})

describe('strictInteger', () => {
  it('takes integers and strings of digits', () => {
    expect(strictInteger(2)).toBe(2)
    expect(strictInteger('2')).toBe(2)
    expect(strictInteger('012')).toBe(12)
  })
  it('refuses everything else', () => {
    for (const value of ['0x2', [2], true, '2e0', ' 2 ', '1.0', 1.5, {}, null, '', '-1', Number.NaN, 1e300])
      expect(strictInteger(value), JSON.stringify(value)).toBeUndefined()
  })
})
