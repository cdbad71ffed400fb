/**
 * Messages to residents on a portal of its own (tests/helpers/portal.ts), because it kills the CMS
 * between a change and its message. Quiet hours are off here (MESSAGE_QUIET_HOURS=off) so the run
 * does not depend on the time of day; tests/integration/messages.test.ts holds them with a clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, openPage } from '../e2e/browser'
import { type OwnPortal, PORTAL_PASSWORD, restClient, startOwnPortal } from '../helpers/portal'

const HOUR = 3600e3
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const phone = (n: number) => `137${String(n).padStart(8, '0')}`
const ENV = { MESSAGE_QUIET_HOURS: 'off' }

let portal: OwnPortal
let rest: ReturnType<typeof restClient>
let centre: { id: number; slug: string }

beforeAll(async () => {
  // The job queue off at first: the change is committed, the message not yet sent.
  portal = await startOwnPortal({ env: { ...ENV, CMS_JOBS: 'off' } })
  rest = restClient(portal.cmsUrl)
  const centres = await rest.call('GET', '/api/centres?where[slug][equals]=siping-road&depth=0')
  centre = (centres.json.docs as { id: number; slug: string }[])[0]!
}, 300_000)
afterAll(async () => {
  await portal?.kill()
})

async function makeEvent(capacity: number, start: Date): Promise<number> {
  const { status, json } = await rest.call(
    'POST',
    '/api/events',
    {
      title: `短信测试 ${Math.random().toString(36).slice(2, 7)}`,
      centre: centre.id,
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + HOUR).toISOString(),
      capacity,
      maxPartySize: 1,
      waitingList: true,
      _status: 'published',
    },
    true,
  )
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}

type Row = { id: number; kind: string; status: string; registration: number; messageKey: string }
async function outbox(eventId: number): Promise<Row[]> {
  const { json } = await rest.call(
    'GET',
    `/api/messages?where[event][equals]=${eventId}&limit=100&depth=0&sort=id`,
    undefined,
    true,
  )
  return json.docs as Row[]
}

/** The log lines of messages "sent" through the log channel, by outbox key. */
const smsLines = (log: string, key: string) =>
  log.split('\n').filter((line) => line.includes('── sms') && line.includes(` ${key} → `))

async function signUpMany(eventId: number, people: number[]) {
  const answers = []
  for (const n of people) {
    const { status, json } = await rest.call('POST', `/api/events/${eventId}/register`, {
      name: `居民${n}`,
      phone: phone(n),
      partySize: 1,
      consent: true,
    })
    expect(status, JSON.stringify(json)).toBe(201)
    answers.push(json as { code: string; status: string })
  }
  return answers
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${portal.log().slice(-3000)}`)
    await sleep(1_000)
  }
}

describe('messages to residents', () => {
  it('changes made, the CMS killed before sending: after a restart each message goes out exactly once', async () => {
    // One event where a cancellation moves the waiting resident up…
    const moving = await makeEvent(2, new Date(Date.now() + 3 * 24 * HOUR))
    const [first, , third] = await signUpMany(moving, [1, 2, 3])
    expect(third!.status).toBe('waiting')
    const cancelled = await rest.call('POST', '/api/registrations/cancel', {
      code: first!.code,
      phone: phone(1),
    })
    expect(cancelled.status).toBe(200)
    // …and one the centre cancels: its two residents are told.
    const cancelledEvent = await makeEvent(5, new Date(Date.now() + 4 * 24 * HOUR))
    await signUpMany(cancelledEvent, [4, 5])
    const cancel = await rest.call('PATCH', `/api/events/${cancelledEvent}`, { status: 'cancelled' }, true)
    expect(cancel.status, JSON.stringify(cancel.json)).toBe(200)

    const promoted = await outbox(moving)
    expect(promoted.map((r) => r.kind)).toEqual(['promoted'])
    const cancellations = await outbox(cancelledEvent)
    expect(cancellations.map((r) => r.kind)).toEqual(['cancelled', 'cancelled'])
    const written = [...promoted, ...cancellations]
    expect(written.every((r) => r.status === 'pending')).toBe(true)
    expect(portal.log()).not.toContain('── sms')

    process.kill(portal.cmsPid()!, 'SIGKILL')
    await portal.kill()
    portal = await startOwnPortal({ dataDir: portal.dataDir, env: ENV })
    rest = restClient(portal.cmsUrl, PORTAL_PASSWORD)

    await until('every message sent', async () => {
      const rows = [...(await outbox(moving)), ...(await outbox(cancelledEvent))]
      return rows.every((r) => r.status === 'sent') ? rows : undefined
    })
    // One more run of the job (every 15 s) sends nothing again.
    await sleep(16_000)
    for (const row of written) {
      const lines = smsLines(portal.log(), row.messageKey)
      expect(lines, row.messageKey).toHaveLength(1)
      // The number is shortened in the log; the centre's name and phone are in the text.
      expect(lines[0]).toMatch(/→ \*{7}\d{4}: 【四平路街道睦邻中心】/)
      expect(lines[0]).not.toMatch(/1370000000\d/)
    }
  }, 240_000)

  it('a resident opens the feedback link from the thank-you, rates 5 with a comment; staff see it, the centre page shows it without the comment', async () => {
    // An activity that ended an hour ago; staff signed the resident up at the door.
    const eventId = await makeEvent(5, new Date(Date.now() - 2 * HOUR))
    const { status, json } = await rest.call(
      'POST',
      `/api/events/${eventId}/register`,
      { name: '陈阿姨', phone: phone(9), partySize: 1, consent: true, channel: 'staff' },
      true,
    )
    expect(status, JSON.stringify(json)).toBe(201)
    const code = json.code as string

    const link = await until('the thank-you in the log', async () => {
      const match = new RegExp(`https?://[^\\s]+/signups/${code}/feedback`).exec(portal.log())
      return match?.[0]
    })
    const browser = await launchBrowser()
    try {
      const page = await openPage(browser)
      await page.goto(portal.siteUrl + new URL(link).pathname)
      await page.getByLabel(/5 分/).check()
      await page.getByLabel('想对中心说的话').fill('老师讲得很清楚，谢谢！')
      await page.getByRole('button', { name: '提交评价' }).click()
      await expect(page.getByRole('status').textContent()).resolves.toContain('谢谢您的评价')
      // Once per sign-up: the link now says so.
      await page.goto(portal.siteUrl + new URL(link).pathname)
      await expect(page.getByRole('status').textContent()).resolves.toContain('已经评价过了')

      const admin = await openPage(browser, { viewport: { width: 1280, height: 900 } })
      await admin.goto(`${portal.cmsUrl}/admin/login`)
      await admin.locator('input[name="email"]').fill('siping@mulin.demo')
      await admin.locator('input[name="password"]').fill(PORTAL_PASSWORD)
      await admin.locator('button[type="submit"]').click()
      await admin.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
      await admin.goto(`${portal.cmsUrl}/admin/collections/events/${eventId}`)
      const panel = admin.locator('.mulin-feedback')
      await panel.waitFor({ timeout: 30_000 })
      const text = await panel.textContent()
      expect(text).toContain('5.0')
      expect(text).toContain('老师讲得很清楚，谢谢！')
      // The thank-you shows as sent in the event's messages.
      await expect(admin.locator('.mulin-messages').textContent()).resolves.toContain('已发送')
    } finally {
      await browser.close()
    }

    const centrePage = await (await fetch(`${portal.siteUrl}/centres/${centre.slug}`)).text()
    const section = centrePage.slice(centrePage.indexOf('id="resident-ratings"'))
    expect(section).toMatch(/<td[^>]*>5\.0<\/td>\s*<td[^>]*>1<\/td>/)
    expect(centrePage).not.toContain('老师讲得很清楚')
    expect(centrePage).not.toContain('陈阿姨')
  }, 180_000)
})
