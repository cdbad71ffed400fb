import type { APIRoute } from 'astro'

import { shanghaiClock, shanghaiDay } from '@cms/rules/shanghai-time'
import { feedEvents, feedLatestDocuments } from '../lib/content/feeds'
import { dateFormat, formatDay } from '../lib/formats'
import { type RssItem, rssFeed } from '../lib/rss'
import { siteUrl } from '@cms/settings'

/** Events this close ahead are news; later ones are in the calendar feed. */
const EVENT_DAYS = 14
/**
 * At most this many of them, soonest first: a feed reader shows the newest few dozen items, and a
 * district years into its use has a few hundred events a fortnight (the calendar has them all).
 */
const RSS_EVENTS_MAX = 100

/** "12月3日周四": the day's text is kept (formatDay), the clock worked out, no Intl call per event. */
const dayText = dateFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
})
const when = (start: string) => `${formatDay(dayText, shanghaiDay(start))} ${shanghaiClock(start)}`

/**
 * What is new on the site for feed readers: the next two weeks' events and the latest case
 * studies, conventions and projects, newest first. The site has no configured `site`, so links
 * are made absolute from the address this feed was asked for.
 */
export const GET: APIRoute = async () => {
  const origin = siteUrl
  const [coming, latest] = await Promise.all([
    feedEvents({ days: EVENT_DAYS, withSeats: false }),
    feedLatestDocuments(10),
  ])
  const events = coming.slice(0, RSS_EVENTS_MAX)

  const items: RssItem[] = [
    ...events.map((event) => {
      const at = when(event.start)
      return {
        title: `活动：${event.title}（${at}）`,
        link: `${origin}/events/${event.id}`,
        pubDate: new Date(event.updatedAt),
        categories: ['活动'],
        description: [
          `地点：${[event.centre?.name, event.room].filter(Boolean).join(' ') || '见活动页'}；时间：${at}。`,
          event.description,
        ]
          .filter(Boolean)
          .join('\n'),
      }
    }),
    ...latest.caseStudies.map((doc) => ({
      title: `案例：${doc.title}`,
      link: `${origin}/case-studies/${doc.slug}`,
      pubDate: new Date(doc.updatedAt),
      categories: ['案例'],
      description: doc.summary ?? undefined,
    })),
    ...latest.conventions.map((doc) => ({
      title: `居民公约：${doc.title}`,
      link: `${origin}/conventions/${doc.slug}`,
      pubDate: new Date(doc.updatedAt),
      categories: ['居民公约'],
      description: doc.summary ?? undefined,
    })),
    ...latest.projects.map((doc) => ({
      title: `项目：${doc.title}`,
      link: `${origin}/projects/${doc.slug}`,
      pubDate: new Date(doc.updatedAt),
      categories: ['自治与公益项目'],
      description: doc.summary ?? undefined,
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())

  const body = rssFeed({
    title: '睦邻 · 社区睦邻中心',
    description: '睦邻中心的近期活动、居民公约、自治与公益项目和案例',
    link: `${origin}/`,
    language: 'zh-cn',
    items,
  })
  return new Response(body, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=300, stale-while-revalidate=600',
    },
  })
}
