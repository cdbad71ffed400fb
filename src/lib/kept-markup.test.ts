import { describe, expect, it } from 'vitest'

import { keepMarkup, keptMarkup } from './kept-markup'

describe('kept markup', () => {
  it('gives back the HTML kept with a frozen item, for the same context only', () => {
    const event = Object.freeze({ id: 1, title: '太极拳' })
    keepMarkup(event, 'list zh', '<li>太极拳</li>')
    expect(keptMarkup(event, 'list zh')).toBe('<li>太极拳</li>')
    expect(keptMarkup(event, 'list en')).toBeUndefined()
    // The same text in another object (an edited event, new seats) is another item.
    expect(keptMarkup(Object.freeze({ id: 1, title: '太极拳' }), 'list zh')).toBeUndefined()
  })

  it('keeps nothing for an item that could still change', () => {
    const draft = { id: 2, title: '草稿' }
    keepMarkup(draft, 'list zh', '<li>草稿</li>')
    expect(keptMarkup(draft, 'list zh')).toBeUndefined()
  })

  it('keeps a bounded number of contexts an item, the oldest going first', () => {
    const centre = Object.freeze({ id: 3 })
    for (let minute = 0; minute < 10; minute++)
      keepMarkup(centre, `zh 开放中 ${minute}`, `<li>${minute}</li>`)
    expect(keptMarkup(centre, 'zh 开放中 0')).toBeUndefined()
    expect(keptMarkup(centre, 'zh 开放中 1')).toBeUndefined()
    expect(keptMarkup(centre, 'zh 开放中 2')).toBe('<li>2</li>')
    expect(keptMarkup(centre, 'zh 开放中 9')).toBe('<li>9</li>')
  })
})
