import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { E2E_FORM_RATE_LIMIT } from './global-setup'
import { launchBrowser, openPage } from './browser'
import { postForm, postJson } from '../security/http'
import { api, findOne, laterToday, tokenFor } from './rest'

let browser: Browser
let sipingId: number
const stamp = Date.now().toString(36)

beforeAll(async () => {
  browser = await launchBrowser()
  sipingId = (await findOne('centres', 'where[slug][equals]=siping-road')).id as number
})
afterAll(async () => {
  await browser?.close()
})

async function makeEvent(title: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const start = new Date(Date.now() + 5 * 86_400_000)
  const { status, json } = await api('district-admin', 'POST', '/api/events', {
    title: `${title}${stamp}`,
    centre: sipingId,
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    capacity: 2,
    maxPartySize: 2,
    waitingList: true,
    _status: 'published',
    ...overrides,
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}

/** A resident's phone with JavaScript off: the forms must work as plain HTML. */
const plainPhone = () => openPage(browser, { javaScriptEnabled: false })
const site = (path: string) => `${inject('siteUrl')}${path}`
const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent())?.trim()

async function signUpOnPage(page: Page, eventId: number, name: string, phone: string, party = '1') {
  await page.goto(site(`/events/${eventId}`))
  await page.fill('#field-name', name)
  await page.fill('#field-phone', phone)
  if (await page.locator('#field-partySize').count()) await page.selectOption('#field-partySize', party)
  await page.check('input[name=consent]')
  await page.click('#signup button[type=submit]')
  await page.waitForURL(/\/signups\//)
  return page.url().match(/\/signups\/([0-9A-Z]+)/)![1]!
}

describe('a resident signing up on a phone without JavaScript', () => {
  it('gets errors beside the fields with what was typed kept, then a result page with code, QR and calendar file', async () => {
    const eventId = await makeEvent('书法体验课')
    const page = await plainPhone()
    await page.goto(site(`/events/${eventId}`))
    await expectAccessible(page)
    await page.fill('#field-name', '王阿姨')
    await page.fill('#field-phone', '139 1234')
    const refused = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.click('#signup button[type=submit]')
    expect((await refused).status()).toBe(400)
    await expect(page.inputValue('#field-name')).resolves.toBe('王阿姨')
    await expect(page.inputValue('#field-phone')).resolves.toBe('139 1234')
    await expect(text(page, '#field-phone-error')).resolves.toContain('11 位手机号码')
    await expect(text(page, '#signup-consent-error')).resolves.toContain('隐私说明')
    await expect(page.locator('#field-phone').getAttribute('aria-invalid')).resolves.toBe('true')

    await page.fill('#field-phone', '139 1234 0001')
    await page.selectOption('#field-partySize', '2')
    await page.check('input[name=consent]')
    await page.click('#signup button[type=submit]')
    await page.waitForURL(/\/signups\/[0-9A-Z]{6}/)
    const code = page.url().match(/\/signups\/([0-9A-Z]+)/)![1]!
    // The phone number never appears in an address.
    expect(page.url()).not.toContain('13912340001')
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    await expect(page.locator('.qr svg').count()).resolves.toBe(1)
    await expect(page.locator('body').textContent()).resolves.not.toContain('王阿姨')
    const calendar = await fetch(site(`/signups/${code}.ics`))
    expect(calendar.headers.get('content-type')).toContain('text/calendar')
    expect(await calendar.text()).toContain(`确认码：${code}`)
    await expectAccessible(page)

    // Submitting again with the same number returns the first sign-up, not a second one.
    await page.goto(site(`/events/${eventId}`))
    const again = await signUpOnPage(page, eventId, '王阿姨', '13912340001')
    expect(again).toBe(code)
    await expect(text(page, '.notice')).resolves.toContain('没有重复报名')
    const { json } = await api(
      'district-admin',
      'GET',
      `/api/registrations?where[event][equals]=${eventId}&depth=0`,
    )
    expect(json.totalDocs).toBe(1)
    await page.close()
  })

  it('puts the next person on the waiting list, and moves them up when the first cancels with code and last four digits', async () => {
    const eventId = await makeEvent('太极拳')
    const page = await plainPhone()
    const first = await signUpOnPage(page, eventId, '李伯伯', '13912340011', '2')
    const second = await signUpOnPage(page, eventId, '张阿姨', '13912340012')
    await expect(text(page, '.headline')).resolves.toBe('已进入候补名单，排第 1 位')

    await page.goto(site('/signups'))
    await expectAccessible(page)
    await page.fill('#field-code', first.toLowerCase())
    await page.fill('#field-digits', '9999')
    await page.click('button[type=submit]')
    await expect(text(page, '.form-error')).resolves.toContain('没有找到这个报名')
    await expect(page.inputValue('#field-code')).resolves.toBe(first.toLowerCase())
    await page.fill('#field-digits', '0011')
    await page.click('button[type=submit]')
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    await page.click('.cancel-form button')
    // Cancelling cannot be undone, so the page asks once more; "no" keeps the sign-up.
    await expect(text(page, 'h1')).resolves.toBe('确定要取消报名吗？')
    await expect(text(page, '.lead')).resolves.toContain('候补名单')
    await page.click('text=不取消，保留报名')
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    await page.click('.cancel-form button')
    await page.click('button.danger')
    await expect(text(page, '.notice')).resolves.toContain('已为您取消报名')
    await expect(text(page, '.headline')).resolves.toBe('报名已取消')

    await page.goto(site(`/signups/${second}`))
    await expect(text(page, '.headline')).resolves.toBe('报名成功，名额已确认')
    await page.close()
  })

  it('shows an event cancelled by the centre on the look-up page, and refuses new sign-ups with the reason', async () => {
    const eventId = await makeEvent('社区讲座')
    const page = await plainPhone()
    const code = await signUpOnPage(page, eventId, '陈先生', '13912340021')
    const { status } = await api('district-admin', 'PATCH', `/api/events/${eventId}`, { status: 'cancelled' })
    expect(status).toBe(200)
    await page.goto(site('/signups'))
    await page.fill('#field-code', code)
    await page.fill('#field-digits', '0021')
    await page.click('button[type=submit]')
    await expect(text(page, '.headline')).resolves.toBe('活动已取消')
    await page.goto(site(`/events/${eventId}`))
    await expect(page.locator('#signup form').count()).resolves.toBe(0)
    await page.close()

    const refused = await fetch(`${inject('cmsUrl')}/api/events/${eventId}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '赵女士', phone: '13912340022', partySize: 1, consent: true }),
    })
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { zh: string }).zh).toContain('已取消')
  })
})

describe('the sign-up API for kiosks and mini-programs', () => {
  it('signs up, answers no-store JSON, refuses with a message and cancels', async () => {
    const eventId = await makeEvent('亲子手工')
    const post = (path: string, body: unknown) =>
      fetch(`${inject('cmsUrl')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const created = await post(`/api/events/${eventId}/register`, {
      name: '刘奶奶',
      phone: '13912340031',
      partySize: 1,
      consent: true,
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const body = (await created.json()) as { code: string; status: string }
    expect(body.status).toBe('confirmed')
    expect(JSON.stringify(body)).not.toContain('13912340031')

    const tooMany = await post(`/api/events/${eventId}/register`, {
      name: '刘奶奶',
      phone: '13912340032',
      partySize: 3,
      consent: true,
    })
    expect(tooMany.status).toBe(400)
    expect(
      ((await tooMany.json()) as { errors: Record<string, { zh: string }> }).errors.partySize?.zh,
    ).toContain('1 到 2')

    const cancelled = await post('/api/registrations/cancel', { code: body.code, phone: '13912340031' })
    expect(cancelled.status).toBe(200)
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled')
  })

  it('answers 429 once an address uses up its attempts', async () => {
    // From an address of its own (127.0.0.77), so the other tests' address keeps its attempts.
    const statuses: number[] = []
    for (let i = 0; i <= E2E_FORM_RATE_LIMIT; i += 1) {
      const response = await postJson(
        '/api/registrations/lookup',
        { code: 'ZZZZZZ', phone: '0000' },
        '127.0.0.77',
      )
      statuses.push(response.status)
      if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0)
    }
    expect(statuses.slice(0, E2E_FORM_RATE_LIMIT).every((s) => s === 404)).toBe(true)
    expect(statuses[E2E_FORM_RATE_LIMIT]).toBe(429)
  })
})

describe('staff', () => {
  it('see counts and the list, export CSV of their own events only, and check people in at the door', async () => {
    // Today's session: the door checks in only codes for today (cms/rules/check-in.ts).
    const soon = (await laterToday(20 * 60_000)).getTime()
    const eventId = await makeEvent('健康讲座', {
      capacity: 5,
      start: new Date(soon).toISOString(),
      end: new Date(soon + 2 * 3600_000).toISOString(),
    })
    const page = await plainPhone()
    const code = await signUpOnPage(page, eventId, '孙大爷', '13912340041')
    await page.close()

    const csv = async (role: 'centre-staff' | 'district-admin') =>
      fetch(`${inject('cmsUrl')}/api/events/${eventId}/registrations.csv`, {
        headers: { authorization: `JWT ${await tokenFor(role)}` },
      })
    const own = await csv('centre-staff')
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toContain('text/csv')
    const rows = await own.text()
    expect(rows).toContain('孙大爷')
    expect(rows).toContain(code)
    const anonymous = await fetch(`${inject('cmsUrl')}/api/events/${eventId}/registrations.csv`)
    expect(anonymous.status).toBe(401)

    // Another centre's staff member sees nothing of this list.
    const login = await fetch(`${inject('cmsUrl')}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'yanji@mulin.demo', password: inject('demoPassword') }),
    })
    const yanji = ((await login.json()) as { token: string }).token
    const other = await fetch(`${inject('cmsUrl')}/api/events/${eventId}/registrations.csv`, {
      headers: { authorization: `JWT ${yanji}` },
    })
    // In the admin's terms another centre's event does not exist for them: no list, no names.
    expect(other.status).toBe(404)
    expect(await other.text()).not.toContain('孙大爷')

    const admin = await openPage(browser, { viewport: { width: 1280, height: 900 } })
    await admin.goto(`${inject('cmsUrl')}/admin/login`)
    await admin.locator('input[name="email"]').fill('siping@mulin.demo')
    await admin.locator('input[name="password"]').fill(inject('demoPassword'))
    await admin.locator('button[type="submit"]').click()
    await admin.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
    await admin.goto(`${inject('cmsUrl')}/admin/collections/events/${eventId}`)
    const panel = admin.locator('.mulin-signups')
    await panel.waitFor({ timeout: 30_000 })
    await expect(panel.textContent()).resolves.toContain('孙大爷')
    await expect(panel.locator('dd').first().textContent()).resolves.toBe('1 / 5')

    // On behalf of a resident who rang: counted against the same seats.
    await panel.locator('summary').click()
    await panel.locator('[data-name=name]').fill('周阿婆')
    await panel.locator('[data-name=phone]').fill('13912340042')
    await panel.locator('[data-name=partySize]').fill('2')
    await panel.locator('[data-name=channel]').selectOption('family')
    await panel.locator('[data-name=consent]').check()
    await panel.getByRole('button', { name: '登记报名' }).click()
    await expect(panel.locator('[role=status]').textContent()).resolves.toContain('已登记')
    const event = await findOne('events', `where[id][equals]=${eventId}`)
    expect(event.seatsTaken).toBe(3)

    await admin.setViewportSize({ width: 390, height: 844 })
    await admin.goto(`${inject('cmsUrl')}/admin/check-in?event=${eventId}`)
    await admin.locator('#checkin-code').fill(code.toLowerCase())
    await admin.locator('.mulin-checkin button[type=submit]').click()
    await expect(admin.locator('.mulin-checkin [role=status]').textContent()).resolves.toContain('签到成功')
    const registration = await findOne('registrations', `where[code][equals]=${code}`)
    expect(registration.status).toBe('attended')
    await admin.close()
  })
})

describe('projects', () => {
  it('take volunteers for open roles and claim offers, showing a claim only after staff accept it', async () => {
    const { json } = await api('district-admin', 'POST', '/api/projects', {
      title: `楼道微更新${stamp}`,
      slug: `stairwell-${stamp}`,
      kind: 'public-benefit',
      status: 'open',
      centre: sipingId,
      volunteerRoles: [{ name: '搬运清理', needed: 2 }],
      _status: 'published',
    })
    const project = json.doc as { id: number; slug: string }
    const page = await plainPhone()
    await page.goto(site(`/projects/${project.slug}`))
    await expectAccessible(page)
    await page.fill('#volunteer #field-name', '钱师傅')
    await page.fill('#volunteer #field-phone', '13912340051')
    await page.check('#volunteer input[name=consent]')
    await page.click('#volunteer button[type=submit]')
    await expect(text(page, '#volunteer-thanks')).resolves.toContain('志愿报名已收到')
    // The published project counts the volunteer, and the page says so.
    const after = await api('anonymous', 'GET', `/api/projects/${project.id}?depth=0`)
    expect((after.json.volunteerRoles as { filled: number }[])[0]!.filled).toBe(1)
    await page.goto(site(`/projects/${project.slug}?visit=0`))
    await expect(text(page, '#volunteer table tbody td:nth-of-type(2)')).resolves.toBe('1 人')

    await page.goto(site(`/projects/${project.slug}`))
    await page.fill('#claim #field-organisation', `四平物业${stamp}`)
    await page.fill('#claim #field-contactName', '吴经理')
    await page.fill('#claim #field-phone', '13912340052')
    await page.fill('#claim #field-offer', '提供工具和两名工人')
    await page.check('#claim input[name=consent]')
    await page.click('#claim button[type=submit]')
    await expect(text(page, '#claim-thanks')).resolves.toContain('认领意向已收到')
    // Pages may be cached for seconds; a fresh address each time reads what the CMS holds now.
    await page.goto(site(`/projects/${project.slug}?visit=1`))
    await expect(page.locator('body').textContent()).resolves.not.toContain(`四平物业${stamp}`)

    const claim = await findOne('project-claims', `where[project][equals]=${project.id}`)
    expect(
      (await api('centre-staff', 'PATCH', `/api/project-claims/${claim.id}`, { status: 'accepted' })).status,
    ).toBe(200)
    await page.goto(site(`/projects/${project.slug}?visit=2`))
    const body = await page.locator('body').textContent()
    expect(body).toContain(`四平物业${stamp}`)
    expect(body).not.toContain('吴经理')
    expect(body).not.toContain('13912340052')
    await page.close()

    for (const collection of ['registrations', 'volunteers', 'project-claims']) {
      const anonymous = await api('anonymous', 'GET', `/api/${collection}`)
      expect(anonymous.status, collection).toBe(403)
    }
  })

  it("counts the event page's form attempts in the sign-up's own commit: the one past the allowance is 429, in words, with what was typed", async () => {
    const eventId = await makeEvent('表单限次')
    const typed = { name: '限次测试居民', phone: '1390000', partySize: '1', consent: 'on' } // one digit short
    const statuses: number[] = []
    let last = ''
    for (let i = 0; i <= E2E_FORM_RATE_LIMIT; i += 1) {
      const answer = await postForm(`/events/${eventId}`, typed, '127.0.0.79')
      statuses.push(answer.status)
      last = answer.text
    }
    // Each refused sign-up still counted as an attempt, so a script guessing numbers is stopped.
    expect(statuses.slice(0, E2E_FORM_RATE_LIMIT).every((s) => s === 400)).toBe(true)
    expect(statuses[E2E_FORM_RATE_LIMIT]).toBe(429)
    expect(last).toContain('提交次数太多了')
    expect(last).toContain('value="限次测试居民"')
    // Nothing was stored along the way.
    const { json } = await api(
      'district-admin',
      'GET',
      `/api/registrations?where[event][equals]=${eventId}&depth=0`,
    )
    expect(json.totalDocs).toBe(0)
  }, 120_000)
})
