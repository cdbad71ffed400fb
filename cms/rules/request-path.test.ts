import { describe, expect, it } from 'vitest'

import { isEnglishPath, isTraversal } from './request-path'

describe('isTraversal', () => {
  it('finds climbing out however it is encoded', () => {
    for (const path of [
      '/api/media/file/..%252f.payload-secret',
      '/api/media/file/%2e%2e%2f.payload-secret',
      '/api/media/file/..%2f..%2fpackage.json',
      '/api/media/file/a%5c..%5cb',
      '/api/media/file/%25252e%25252e%25252fx',
      '/api/media/file/%E0%A4%A',
    ])
      expect(isTraversal(path), path).toBe(true)
  })
  it('lets ordinary paths through', () => {
    for (const path of [
      '/api/media/file/photo-1.png',
      '/events/3?x=..',
      '/centres/%E5%9B%9B%E5%B9%B3',
      '/a..b/c',
    ])
      expect(isTraversal(path), path).toBe(false)
  })
})

describe('isEnglishPath', () => {
  it('knows the English pages by their /en, and nothing else by an en in its name', () => {
    expect(isEnglishPath('/en')).toBe(true)
    expect(isEnglishPath('/en/events?view=month')).toBe(true)
    expect(isEnglishPath('/en?x=1')).toBe(true)
    expect(isEnglishPath('/events')).toBe(false)
    expect(isEnglishPath('/english')).toBe(false)
    expect(isEnglishPath('/centres/en')).toBe(false)
  })
})
