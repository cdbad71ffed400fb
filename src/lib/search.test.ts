import { describe, expect, it } from 'vitest'

import { highlight, parseQuery, search, type SearchDocument, searchPage } from './search'

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

  it('finds a document of the kept index by its text, and an open one by its text as it is now', () => {
    const kept = Object.freeze({
      kind: 'convention',
      title: '文明养犬公约',
      url: '/conventions/dogs',
      fields: Object.freeze([Object.freeze({ text: '出门牵绳 Leash', weight: 1 })]),
    }) as SearchDocument
    expect(searchPage([kept], 'leash').total).toBe(1)
    expect(searchPage([kept], 'leash').total).toBe(1)
    const open: SearchDocument = {
      kind: 'convention',
      title: '草稿',
      url: '/c',
      fields: [{ text: '旧的', weight: 1 }],
    }
    expect(searchPage([open], '新的').total).toBe(0)
    open.fields[0]!.text = '新的'
    expect(searchPage([open], '新的').total).toBe(1)
  })

  it('finds the same documents in a kept index (searched as one text) as in an open one', () => {
    const open = [
      ...docs,
      doc('读书会', '每周一次，一起读书。结尾是垃'),
      doc('读书角', '每天开放'),
      doc('圾分类讲座', '社区讲座'),
      doc('太极拳', '太极 太极 太极，晨练。'),
    ]
    const kept: readonly SearchDocument[] = Object.freeze(
      open.map((d) => Object.freeze({ ...d, fields: Object.freeze(d.fields) }) as SearchDocument),
    )
    // Words at the very start and end of the index, repeated, and split across two documents.
    const queries = [
      '鞍山',
      '文明',
      '长白新村',
      '读书',
      '晨练',
      '垃圾分类',
      '垃圾',
      '太极',
      '读书 垃圾',
      '养老',
      '   ',
      '圾分类',
      '分类 公约',
    ]
    for (const q of queries) {
      const titles = (list: readonly SearchDocument[]) => searchPage(list, q).hits.map((h) => h.title)
      expect(titles(kept), q).toEqual(titles(open))
    }
    expect(searchPage(kept, '太极').total).toBe(1)
  })

  it('finds nothing for an empty query', () => {
    expect(search(docs, '   ')).toEqual([])
  })
})

describe('a page of results', () => {
  const doc = (
    kind: string,
    title: string,
    body: string,
    extra: Partial<SearchDocument> = {},
  ): SearchDocument => ({
    kind,
    title,
    url: `/${kind}/${title}`,
    fields: [
      { text: title, weight: 5 },
      { text: body, weight: 1 },
    ],
    ...extra,
  })

  it('puts title matches first, even above documents that say the words many times', () => {
    const docs = [
      ...Array.from({ length: 9 }, (_, i) =>
        doc('convention', `公约${i}`, '垃圾分类 垃圾分类 垃圾分类 垃圾分类'),
      ),
      doc('event', '垃圾分类实操课', '动手练习'),
    ]
    expect(searchPage(docs, '垃圾分类').hits[0]!.title).toBe('垃圾分类实操课')
  })

  it('folds a weekly series into one result with its next session', () => {
    const docs = ['2026-12-17', '2026-12-03', '2026-12-10'].map((day) =>
      doc('event', '晨练太极拳', '四平路街道睦邻中心', {
        url: `/events/${day}`,
        group: '7',
        start: `${day}T00:30:00Z`,
      }),
    )
    const { hits, total } = searchPage([...docs, doc('centre', '四平路街道睦邻中心', '')], '四平')
    expect(total).toBe(2)
    const series = hits.find((hit) => hit.kind === 'event')!
    expect(series).toMatchObject({ start: '2026-12-03T00:30:00Z', sessions: 3, url: '/events/2026-12-03' })
  })

  it('counts every result by kind, without a cap, and pages through them', () => {
    const docs = [
      ...Array.from({ length: 45 }, (_, i) => doc('event', `老年活动${i}`, '')),
      ...Array.from({ length: 8 }, (_, i) => doc('centre', `中心${i}`, '老年')),
    ]
    const first = searchPage(docs, '老年')
    expect(first).toMatchObject({ total: 53, counts: { event: 45, centre: 8 }, page: 1, pages: 3 })
    expect(first.hits).toHaveLength(20)
    const centres = searchPage(docs, '老年', { kind: 'centre' })
    expect(centres).toMatchObject({ total: 8, pages: 1 })
    expect(centres.hits.every((hit) => hit.kind === 'centre')).toBe(true)
    expect(searchPage(docs, '老年', { page: 3 }).hits).toHaveLength(13)
    expect(searchPage(docs, '老年', { page: 99 }).page).toBe(3)
  })
})
