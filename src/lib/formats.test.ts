import { describe, expect, it } from 'vitest'

import { dateFormat, formatDay } from './formats'

describe('formatDay', () => {
  const long = dateFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  })
  const english = dateFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' })

  it('names a Shanghai day as its format does, asked once and again', () => {
    expect(formatDay(long, '2026-12-03')).toBe('12月3日星期四')
    expect(formatDay(long, '2026-12-03')).toBe('12月3日星期四')
    expect(formatDay(english, '2026-12-03')).toBe('3 December')
  })

  it('keeps each format’s days apart', () => {
    expect(formatDay(long, '2027-01-01')).toBe('1月1日星期五')
    expect(formatDay(english, '2027-01-01')).toBe('1 January')
  })
})
