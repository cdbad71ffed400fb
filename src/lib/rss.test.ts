import { getRssString } from '@astrojs/rss'
import { describe, expect, it } from 'vitest'

import { type RssItem, rssFeed } from './rss'

const hostile = `活动 <script>alert("x")</script> & 'quotes' ]]> \u00a0 😀`
const items: RssItem[] = [
  {
    title: `活动：${hostile}`,
    link: 'https://mulin.example/events/1?a=1&b=2',
    pubDate: new Date('2026-12-03T01:05:00Z'),
    categories: ['活动', '<b>'],
    description: `地点：${hostile}\n第二行`,
  },
  { title: '项目：一居一品', link: 'https://mulin.example/projects/p', pubDate: new Date(0), categories: [] },
]
const channel = { title: '睦邻 & 邻里', description: '说明 <i>', link: 'https://mulin.example/' }

describe('the RSS feed', () => {
  it('is what @astrojs/rss writes for the same items, byte for byte, hostile text included', async () => {
    const ours = rssFeed({ ...channel, language: 'zh-cn', items })
    const library = await getRssString({
      ...channel,
      site: channel.link,
      items: items.map((item) => ({ ...item, categories: [...item.categories] })),
      customData: '<language>zh-cn</language>',
    })
    expect(ours).toBe(library)
    expect(ours).not.toContain('<script>')
  })

  it('leaves out control characters XML cannot carry, so one pasted into a title cannot break the feed', () => {
    const feed = rssFeed({
      ...channel,
      language: 'zh-cn',
      items: [{ ...items[1]!, title: 'a\u0000b\u001bc\td' }],
    })
    expect(feed).toContain('<title>abc\td</title>')
  })
})
