import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { DESKTOP, launchBrowser, openPage } from './browser'
import { api, findAll, publishEvent } from './rest'

const DAY = 86_400_000

type CmsCentre = { id: number; name: string; slug: string; phone?: string | null }
type CmsEvent = {
  id: number
  title: string
  centre: CmsCentre
  start: string
  end: string
  capacity: number
  seatsTaken?: number | null
  waitingList?: boolean | null
  signupOpens?: string | null
  signupCloses?: string | null
  status: 'scheduled' | 'cancelled'
  /** The first session of the class, populated at depth 1. */
  series?: number | { id: number } | null
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// The site shows days and times of the Shanghai calendar, whatever the test machine's zone.
const dayKey = (instant: Date | string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))
const clock = (instant: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant))
const midnight = (key: string) => new Date(`${key}T00:00:00+08:00`)
const addDays = (key: string, days: number) =>
  dayKey(new Date(midnight(key).getTime() + days * DAY + 12 * 3_600_000))
const mondayOf = (key: string) => addDays(key, -((new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7))

const seatsLeft = (event: CmsEvent) => Math.max(0, event.capacity - (event.seatsTaken ?? 0))
/** What the calendar must say about an event's seats. */
const seatsText = (event: CmsEvent) =>
  event.status === 'cancelled'
    ? '已取消'
    : seatsLeft(event) > 0
      ? `剩余 ${seatsLeft(event)} 个名额`
      : event.waitingList
        ? '已满，可候补'
        : '已满'

/** Published events (as the public sees them over REST) starting in [from, until) and not over. */
async function publishedEvents(from: Date, until: Date): Promise<CmsEvent[]> {
  const where = [
    `where[and][0][start][greater_than_equal]=${encodeURIComponent(from.toISOString())}`,
    `where[and][1][start][less_than]=${encodeURIComponent(until.toISOString())}`,
    `where[and][2][end][greater_than]=${encodeURIComponent(new Date().toISOString())}`,
  ].join('&')
  const { status, docs } = await findAll('anonymous', `/api/events?${where}&depth=1&sort=start`)
  expect(status).toBe(200)
  return docs as unknown as CmsEvent[]
}

/** The card (list view) or entry (week view) of one event. */
const entryOf = (page: Page, id: number) =>
  page.locator('li', { has: page.locator(`a[href="/events/${id}"]`) }).last()

describe('the events list', () => {
  it('shows the coming days’ events under their day, with the seats left the CMS holds', async () => {
    const today = dayKey(new Date())
    const coming = (await publishedEvents(midnight(today), midnight(addDays(today, 7)))).slice(0, 25)
    expect(coming.length).toBeGreaterThan(0)

    const page = await openPage(browser)
    const response = await page.goto(`${inject('siteUrl')}/events`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('社区活动')
    for (const event of coming) {
      const day = page.locator(`section[aria-labelledby="day-${dayKey(event.start)}"]`)
      await expect(day.locator(`a[href="/events/${event.id}"]`).count()).resolves.toBe(1)
      const card = entryOf(page, event.id)
      await expect(card.locator('.seats').textContent()).resolves.toBe(seatsText(event))
      await expect(card.locator('time').textContent()).resolves.toBe(
        `${clock(event.start)}–${clock(event.end)}`,
      )
      await expect(
        card.getByRole('link', { name: event.centre.name, exact: true }).getAttribute('href'),
      ).resolves.toBe(`/centres/${event.centre.slug}`)
    }
    await expectAccessible(page)
    await page.close()
  })

  it('hides full events when asked for free seats only, without JavaScript, keeping the choice', async () => {
    const today = dayKey(new Date())
    const inRange = await publishedEvents(midnight(today), midnight(addDays(today, 14)))
    const full = inRange.filter((event) => event.status === 'scheduled' && seatsLeft(event) === 0)
    const open = inRange.filter((event) => event.status === 'scheduled' && seatsLeft(event) > 0)
    expect(full.length, 'the demo has full events in the next two weeks').toBeGreaterThan(0)

    const page = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(`${inject('siteUrl')}/events`)
    for (const event of full)
      await expect(page.locator(`a[href="/events/${event.id}"]`).count()).resolves.toBe(1)

    await page.getByLabel('只看有空位').check()
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/seats=1/)
    await expect(page.getByLabel('只看有空位').isChecked()).resolves.toBe(true)
    for (const event of full)
      await expect(page.locator(`a[href="/events/${event.id}"]`).count()).resolves.toBe(0)
    await expect(page.locator(`a[href="/events/${open[0]!.id}"]`).count()).resolves.toBe(1)
    for (const seats of await page.locator('li.event .seats').allTextContents())
      expect(seats).toMatch(/^剩余 \d+ 个名额$/)
    await page.close()
  })

  it('shows a cancelled event struck through as cancelled, and never a draft', async () => {
    const centre = (
      (await api('anonymous', 'GET', '/api/centres?where[slug][equals]=siping-road&depth=0')).json
        .docs as CmsCentre[]
    )[0]!
    const stamp = Date.now().toString(36)
    const start = new Date(`${addDays(dayKey(new Date()), 2)}T10:00:00+08:00`)
    const cancelledId = await publishEvent(centre.id, `取消的讲座${stamp}`, start, { status: 'cancelled' })
    const draftId = await publishEvent(centre.id, `草稿讲座${stamp}`, start, { _status: 'draft' })

    const page = await openPage(browser)
    await page.goto(`${inject('siteUrl')}/events?centre=siping-road`)
    const card = entryOf(page, cancelledId)
    await expect(card.locator('s').textContent()).resolves.toBe(`取消的讲座${stamp}`)
    await expect(card.locator('.seats').textContent()).resolves.toBe('已取消')
    await expect(page.getByText(`草稿讲座${stamp}`).count()).resolves.toBe(0)

    await page.goto(`${inject('siteUrl')}/events/${cancelledId}`)
    await expect(page.locator('.cancelled-notice').textContent()).resolves.toContain('已取消')
    await expect(page.locator('#signup').textContent()).resolves.toContain('已取消')
    await expect(page.locator('#signup form').count()).resolves.toBe(0)
    expect((await page.goto(`${inject('siteUrl')}/events/${draftId}`))?.status()).toBe(404)
    await page.close()
  })
})

describe('the week and month calendars', () => {
  it('shows a week of seven days from Monday and moves to the next week and back', async () => {
    const monday = mondayOf(dayKey(new Date()))
    const nextMonday = addDays(monday, 7)
    const nextWeek = await publishedEvents(midnight(nextMonday), midnight(addDays(nextMonday, 7)))
    expect(nextWeek.length).toBeGreaterThan(0)

    const page = await openPage(browser, { viewport: DESKTOP })
    await page.goto(`${inject('siteUrl')}/events?view=week`)
    await expect(page.locator('ol.week > li').count()).resolves.toBe(7)
    await expect(page.locator('ol.week > li h2').first().getAttribute('id')).resolves.toBe(`day-${monday}`)
    await expectAccessible(page)

    await page.getByRole('link', { name: /^下一周/ }).click()
    await page.waitForURL(new RegExp(`week=${nextMonday}`))
    await expect(page.locator('ol.week > li h2').first().getAttribute('id')).resolves.toBe(
      `day-${nextMonday}`,
    )
    for (const event of nextWeek) {
      const day = page.locator('ol.week > li', { has: page.locator(`#day-${dayKey(event.start)}`) })
      await expect(day.locator(`a[href="/events/${event.id}"]`).count()).resolves.toBe(1)
      await expect(entryOf(page, event.id).locator('.seats').textContent()).resolves.toBe(seatsText(event))
    }
    await page.getByRole('link', { name: /^← 上一周/ }).click()
    await page.waitForURL(new RegExp(`week=${monday}`))
    await expect(page.locator('ol.week > li h2').first().getAttribute('id')).resolves.toBe(`day-${monday}`)
    await page.close()
  })

  it('shows a month grid on a wide screen and only the days with events on a phone', async () => {
    const today = dayKey(new Date())
    const [year, month] = today.split('-').map(Number) as [number, number]
    const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7)
    const daysInNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
    // A busy day: six events on the 20th of next month.
    const centre = (
      (await api('anonymous', 'GET', '/api/centres?where[slug][equals]=siping-road&depth=0')).json
        .docs as CmsCentre[]
    )[0]!
    for (let hour = 9; hour < 15; hour++) {
      const start = new Date(`${next}-20T${String(hour).padStart(2, '0')}:00:00+08:00`)
      await publishEvent(centre.id, `月历满日${hour}`, start)
    }
    const events = await publishedEvents(
      midnight(`${next}-01`),
      midnight(new Date(Date.UTC(year, month + 1, 1)).toISOString().slice(0, 10)),
    )

    const wide = await openPage(browser, { viewport: DESKTOP })
    await wide.goto(`${inject('siteUrl')}/events?view=month`)
    await expect(wide.locator('ol.month > li').count()).resolves.toBe(
      new Date(Date.UTC(year, month, 0)).getUTCDate(),
    )
    await expectAccessible(wide)
    await wide.getByRole('link', { name: /^下个月/ }).click()
    await wide.waitForURL(new RegExp(`month=${next}`))
    await expect(wide.locator('ol.month > li').count()).resolves.toBe(daysInNext)
    const perDay = new Map<string, number>()
    for (const event of events) perDay.set(dayKey(event.start), (perDay.get(dayKey(event.start)) ?? 0) + 1)
    // A day names at most four events; the rest are a link to the whole day in the list.
    for (const [key, count] of perDay) {
      const day = wide.locator('ol.month > li', { has: wide.locator(`#day-${key}`) })
      await expect(day.locator('.cal-events > li').count()).resolves.toBe(Math.min(count, 4))
      const more = day.locator('a.month-more')
      await expect(more.count()).resolves.toBe(count > 4 ? 1 : 0)
      if (count > 4) {
        await expect(more.textContent()).resolves.toContain(`另有 ${count - 4} 场`)
        await expect(more.getAttribute('href')).resolves.toBe(`/events?date=${key}`)
      }
    }
    expect(perDay.get(`${next}-20`)).toBeGreaterThanOrEqual(6)
    for (const event of events.filter((e) => perDay.get(dayKey(e.start))! <= 4).slice(0, 20)) {
      const day = wide.locator('ol.month > li', { has: wide.locator(`#day-${dayKey(event.start)}`) })
      await expect(
        day.locator('li', { has: wide.locator(`a[href="/events/${event.id}"]`) }).textContent(),
      ).resolves.toContain(clock(event.start))
    }
    await expect(wide.getByRole('link', { name: /^← 上个月/ }).count()).resolves.toBe(1)
    await wide.close()

    const phone = await openPage(browser)
    await phone.goto(`${inject('siteUrl')}/events?view=month&month=${next}`)
    const daysWithEvents = new Set(events.map((event) => dayKey(event.start)))
    await expect(phone.locator('ol.month > li:visible').count()).resolves.toBe(daysWithEvents.size)
    await expectAccessible(phone)
    await phone.close()
  })
})

describe('an event page', () => {
  it('shows the seats left, the centre, how to sign up and the other sessions of its class', async () => {
    const now = Date.now()
    const candidates = (await publishedEvents(new Date(now), new Date(now + 14 * DAY))).filter(
      (event) =>
        event.status === 'scheduled' &&
        seatsLeft(event) > 0 &&
        event.series &&
        (!event.signupOpens || new Date(event.signupOpens).getTime() < now) &&
        (!event.signupCloses || new Date(event.signupCloses).getTime() > now + 10 * 60_000),
    )
    const event = candidates[0]
    expect(event, 'an open session of a weekly class').toBeDefined()

    const page = await openPage(browser)
    const response = await page.goto(`${inject('siteUrl')}/events/${event!.id}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(event!.title)
    await expect(
      page
        .locator('.seats-left')
        .textContent()
        .then((text) => text?.trim()),
    ).resolves.toBe(`${seatsLeft(event!)} 个`)
    await expect(
      page.locator('.facts').first().getByRole('link', { name: event!.centre.name }).getAttribute('href'),
    ).resolves.toBe(`/centres/${event!.centre.slug}`)
    const signup = page.locator('section#signup')
    await expect(signup.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('报名')
    await expect(signup.textContent()).resolves.toContain(`还剩 ${seatsLeft(event!)} 个名额`)
    // Seats are free and sign-up is open: the form is there.
    await expect(signup.locator('form button[type=submit]').textContent()).resolves.toContain('提交报名')
    // The class's other sessions still to come, soonest first, ten at most (past ones are left out).
    const seriesId = typeof event!.series === 'object' ? event!.series?.id : event!.series
    const seriesOf = (e: CmsEvent) => (typeof e.series === 'object' ? e.series?.id : e.series) ?? e.id
    const nextSessions = (await publishedEvents(new Date(now - 2 * DAY), new Date(now + 800 * DAY)))
      .filter((other) => other.id !== event!.id && seriesOf(other) === seriesId)
      .slice(0, 10)
    expect(nextSessions.length, 'another session of the class to come').toBeGreaterThan(0)
    await expect(
      page.locator('ul.sessions a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).resolves.toEqual(nextSessions.map((other) => `/events/${other.id}`))
    await expectAccessible(page)

    expect((await page.goto(`${inject('siteUrl')}/events/987654321`))?.status()).toBe(404)
    await page.close()
  })
})
