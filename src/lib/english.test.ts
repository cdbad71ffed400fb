import { describe, expect, it } from 'vitest'

import { isChineseOnly, onlyInChinese, untranslatedCount } from './english'

describe('texts that exist only in Chinese', () => {
  it('tells Chinese text from English, and English that names a Chinese place', () => {
    expect(isChineseOnly('楼组长和居民骨干座谈')).toBe(true)
    expect(isChineseOnly('Residents of 鞍山四村 voted')).toBe(false)
    expect(isChineseOnly('2016')).toBe(false)
    expect(isChineseOnly(null)).toBe(false)
  })

  it('names the fields, and the arrays with any row, that have no English', () => {
    const doc = {
      title: 'Anshan Fourth Village Residents’ Convention',
      summary: '鞍山四村的“村规”',
      articles: [{ text: 'Greet your neighbours.' }, { text: '不在公共通道拉绳晾晒被褥。' }],
      adoption: [{ note: 'A hearing' }],
    }
    expect(
      onlyInChinese(doc, ['title', 'summary', 'articles.text', 'adoption.note', 'revisions.summary']),
    ).toEqual(['summary', 'articles.text'])
  })

  it('counts the documents of a list with any of the texts only in Chinese', () => {
    const docs = [
      { title: 'Dog-walking pact', summary: 'Leads on in shared spaces' },
      { title: '楼道公约', summary: 'Keep stairwells clear' },
      { title: 'Parking pact', summary: '夜间停车' },
    ]
    expect(untranslatedCount(docs, ['title', 'summary'])).toBe(2)
    expect(untranslatedCount(docs, ['title'])).toBe(1)
  })
})
