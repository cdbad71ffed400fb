import { describe, expect, it } from 'vitest'

import { isJsonType, parseJsonObject } from './json-body'

describe('JSON bodies', () => {
  it('need application/json', () => {
    expect(isJsonType('application/json')).toBe(true)
    expect(isJsonType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonType('text/plain')).toBe(false)
    expect(isJsonType('application/jsonx')).toBe(false)
    expect(parseJsonObject('text/plain', '{}')).toMatchObject({ ok: false, status: 415 })
  })
  it('must be an object', () => {
    expect(parseJsonObject('application/json', '{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    for (const text of ['', '[]', '1', 'null', '{'])
      expect(parseJsonObject('application/json', text), text).toMatchObject({ ok: false, status: 400 })
  })
})
