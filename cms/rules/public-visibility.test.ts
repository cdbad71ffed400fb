import { describe, expect, it } from 'vitest'

import { visibilityLine, whyNotPublic } from './public-visibility'

describe('whyNotPublic', () => {
  it('names an unpublished document as a draft', () => {
    expect(visibilityLine(whyNotPublic('events', { _status: 'draft' }), 'zh')).toBe(
      '公众不可见：还没有发布，只保存了草稿',
    )
    expect(whyNotPublic('events', undefined)).toHaveLength(1)
  })

  it('keeps a published convention whose status is 草案 private, and says so', () => {
    expect(visibilityLine(whyNotPublic('conventions', { _status: 'published', status: 'draft' }), 'zh')).toBe(
      '公众不可见：公约状态为草案',
    )
  })

  it('finds nothing against a published, adopted convention or a published event', () => {
    expect(whyNotPublic('conventions', { _status: 'published', status: 'adopted' })).toEqual([])
    expect(whyNotPublic('events', { _status: 'published', status: 'cancelled' })).toEqual([])
    expect(visibilityLine([], 'zh')).toBe('公众可见')
  })
})
