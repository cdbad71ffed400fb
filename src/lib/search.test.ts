import { describe, expect, it } from 'vitest'

import { highlight, parseQuery, search, type SearchDocument } from './search'

const doc = (title: string, body: string, kind = 'convention'): SearchDocument => ({
  kind,
  title,
  url: `/${title}`,
  fields: [
    { text: title, weight: 5 },
    { text: body, weight: 1 },
  ],
})

describe('site search', () => {
  const docs = [
    doc('鞍山五村居民公约', '第三条 做好垃圾分类投放，定时定点。'),
    doc('文明养犬公约', '遛狗请牵绳，及时清理。'),
    doc('长白新村睦邻中心', '提供老年助餐、日间照料等养老服务。', 'centre'),
    doc('垃圾分类 我们一起来', '楼组长带头，垃圾分类从我做起。'),
  ]

  it('splits a Chinese query into words', () => {
    expect(parseQuery('垃圾分类').words).toEqual(['垃圾', '分类'])
    expect(parseQuery('  Tai   Chi ').phrase).toBe('tai chi')
  })

  it('finds words that appear only inside longer phrases', () => {
    const hits = search(docs, '垃圾分类')
    expect(hits.map((h) => h.title)).toEqual(['垃圾分类 我们一起来', '鞍山五村居民公约'])
    expect(search(docs, '养老').map((h) => h.title)).toEqual(['长白新村睦邻中心'])
  })

  it('ranks a match in the title above one in the text', () => {
    const [first, second] = search(docs, '垃圾分类')
    expect(first!.score).toBeGreaterThan(second!.score)
  })

  it('needs every word of the query', () => {
    expect(search(docs, '垃圾 牵绳')).toEqual([])
  })

  it('marks the matching words, and never lets content inject HTML', () => {
    const [hit] = search([doc('公约', '做好<b>垃圾分类</b>投放')], '垃圾分类')
    expect(hit!.snippet).toContain('<mark>垃圾分类</mark>')
    expect(hit!.snippet).toContain('&lt;b&gt;')
    expect(highlight('Tai chi class', parseQuery('tai chi'))).toBe('<mark>Tai chi</mark> class')
  })

  it('finds nothing for an empty query', () => {
    expect(search(docs, '   ')).toEqual([])
  })
})
