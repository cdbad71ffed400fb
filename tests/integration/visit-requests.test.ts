/**
 * Study-visit requests through the CMS layer: the checks of the public form, the hosting limits
 * (for the form and for staff in the admin), the staff email, and the look-up by reference.
 */
import nodemailer from 'nodemailer'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { emailAdapter, emailSettings } from '../../cms/email'
import { addDays, shanghaiDay } from '../../cms/rules/hosting'
import { lookUpVisit } from '../../cms/visits/look-up'
import { requestVisit, type VisitRequestInput } from '../../cms/visits/request-visit'
import { makeCentre } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const today = shanghaiDay(new Date())!
/** A day `n` days from today that is a weekday (Monday–Friday) in Shanghai. */
function weekdayAfter(n: number): string {
  let day = addDays(today, n)
  while ([0, 6].includes(new Date(`${day}T12:00:00+08:00`).getUTCDay())) day = addDays(day, 1)
  return day
}
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
/** As the form shows a day: with its year only when that is not this year. */
const md = (day: string) =>
  `${day.slice(0, 4) === today.slice(0, 4) ? '' : `${day.slice(0, 4)}年`}${monthDay(day)}`

let counter = 0
function input(
  centres: Array<number | string>,
  overrides: Partial<VisitRequestInput> = {},
): VisitRequestInput {
  counter += 1
  return {
    organisation: `测试市民政局考察团 ${counter}`,
    delegationSize: '12',
    contactName: '刘晓梅',
    phone: '139 0000 1234',
    email: 'Liu.Xiaomei@Example.cn',
    date1: addDays(today, 20),
    date2: addDays(today, 21),
    topics: '星级评估的指标设计',
    centres: centres.map(String),
    ...overrides,
  }
}

beforeAll(async () => {
  payload = await testPayload()
})

afterEach(() => {
  vi.restoreAllMocks()
  delete process.env.VISIT_NOTIFY_EMAIL
})

describe('the request form’s checks', () => {
  it('names every missing field, in the visitor’s language', async () => {
    const zh = await requestVisit(payload, {})
    expect(zh.ok).toBe(false)
    if (zh.ok) return
    expect(zh.errors).toMatchObject({
      organisation: '请填写单位名称',
      delegationSize: '请填写来访人数',
      contactName: '请填写联系人姓名',
      phone: '请填写联系电话',
      email: '请填写电子邮箱',
      date1: '请选择第一个希望日期',
      centres: '请至少选择一个希望参观的中心',
    })
    expect(zh.errors.date2).toContain('请再选一个希望日期')

    const en = await requestVisit(payload, {}, { locale: 'en' })
    expect(en.ok || en.errors.organisation).toBe('Please enter your organisation.')
  })

  it('refuses sizes outside 1–200, bad phones and emails, past, far and equal dates', async () => {
    const centre = await makeCentre(payload)
    const result = await requestVisit(
      payload,
      input([centre.id], {
        delegationSize: '250',
        phone: '6598 2031',
        email: 'not-an-email',
        date1: today,
        date2: addDays(today, 400),
      }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.delegationSize).toContain('1 到 200')
    expect(result.errors.phone).toContain('带区号的固定电话')
    expect(result.errors.email).toContain('格式不对')
    expect(result.errors.date1).toBe('请选择明天或以后的日期')
    expect(result.errors.date2).toContain('半年内')

    const same = await requestVisit(
      payload,
      input([centre.id], { date1: addDays(today, 30), date2: addDays(today, 30) }),
    )
    expect(same.ok || same.errors.date2).toBe('两个希望日期请选不同的日子')
  })

  it('refuses centres that are not in the public directory, or that host no delegations', async () => {
    const draft = await makeCentre(payload, { _status: 'draft' })
    const none = await makeCentre(payload, { hostingLimit: 0 })
    const hidden = await requestVisit(payload, input([draft.id]))
    expect(hidden.ok || hidden.errors.centres).toContain('已不在名录中')
    const unknown = await requestVisit(payload, input(['999999']))
    expect(unknown.ok || unknown.errors.centres).toContain('已不在名录中')
    const closed = await requestVisit(payload, input([none.id]), { locale: 'en' })
    expect(closed.ok || closed.errors.centres).toBe(
      `${none.name} does not host delegations at present; please choose another centre.`,
    )
  })

  it('accepts a landline with its area code and saves the request as pending, with a reference', async () => {
    const centre = await makeCentre(payload)
    const result = await requestVisit(payload, input([centre.id], { phone: '0571-8765 4321' }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.reference).toMatch(/^V\d{4}-[0-9A-Z]{5}$/)
    const saved = await payload.findByID({ collection: 'visit-requests', id: result.id, depth: 0 })
    expect(saved).toMatchObject({
      status: 'pending',
      phone: '0571-87654321',
      email: 'liu.xiaomei@example.cn',
      delegationSize: 12,
      centres: [centre.id],
    })
    expect(saved.preferredDates!.map((d) => shanghaiDay(d.date))).toEqual([
      addDays(today, 20),
      addDays(today, 21),
    ])
  })
})

describe('hosting limits', () => {
  it('refuses a full day beside the date, naming the centre and the next free days', async () => {
    const centre = await makeCentre(payload, { hostingLimit: 1 })
    const [d1, d2] = [addDays(today, 40), addDays(today, 41)]
    const first = await requestVisit(payload, input([centre.id], { date1: d1, date2: d2 }))
    expect(first.ok).toBe(true)

    const second = await requestVisit(payload, input([centre.id], { date1: d1, date2: addDays(today, 50) }))
    expect(second.ok).toBe(false)
    if (second.ok) return
    // d2 is held too (a pending request holds both its dates), so it is not offered.
    expect(second.errors.date1).toBe(
      `这一天${centre.name}的接待名额已满。可选的最近日期：${[42, 43, 44].map((n) => md(addDays(today, n))).join('、')}`,
    )
    expect(second.errors.date2).toBeUndefined()

    const english = await requestVisit(payload, input([centre.id], { date1: d2, date2: d1 }), {
      locale: 'en',
    })
    expect(english.ok).toBe(false)
    if (english.ok) return
    expect(english.errors.date1).toMatch(
      new RegExp(
        `^${centre.name} is fully booked for visits on this day\\. The nearest dates available: .+\\.$`,
      ),
    )
    expect(english.errors.date2).toContain('is fully booked')
  })

  it('gives the last place of a day to one delegation only, when several ask at the same moment', async () => {
    const centre = await makeCentre(payload, { hostingLimit: 1 })
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        requestVisit(
          payload,
          input([centre.id], { date1: addDays(today, 70), date2: addDays(today, 80 + i) }),
        ),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const { totalDocs } = await payload.count({
      collection: 'visit-requests',
      where: { centres: { in: [centre.id] } },
    })
    expect(totalDocs).toBe(1)
  })

  it('keeps the delegation’s first and second choice in the order given', async () => {
    const centre = await makeCentre(payload)
    const [later, earlier] = [addDays(today, 101), addDays(today, 100)]
    const result = await requestVisit(payload, input([centre.id], { date1: later, date2: earlier }))
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const saved = await payload.findByID({ collection: 'visit-requests', id: result.id, depth: 0 })
    expect(saved.preferredDates?.map((d) => shanghaiDay(d.date))).toEqual([later, earlier])
  })

  it('frees the days of a declined request', async () => {
    const centre = await makeCentre(payload, { hostingLimit: 1 })
    const day = addDays(today, 60)
    const first = await requestVisit(payload, input([centre.id], { date1: day, date2: addDays(today, 61) }))
    if (!first.ok) throw new Error(JSON.stringify(first.errors))
    expect(
      (await requestVisit(payload, input([centre.id], { date1: day, date2: addDays(today, 62) }))).ok,
    ).toBe(false)
    await payload.update({ collection: 'visit-requests', id: first.id, data: { status: 'declined' } })
    expect(
      (await requestVisit(payload, input([centre.id], { date1: day, date2: addDays(today, 62) }))).ok,
    ).toBe(true)
  })

  it('refuses days the centre is closed, and skips them in the suggestions', async () => {
    const centre = await makeCentre(payload, {
      openingHours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
        day,
        opens: '09:00',
        closes: '17:00',
      })),
    })
    const friday = weekdayAfter(30)
    let saturday = addDays(friday, 1)
    while (new Date(`${saturday}T12:00:00+08:00`).getUTCDay() !== 6) saturday = addDays(saturday, 1)
    const monday = addDays(saturday, 2)
    const result = await requestVisit(payload, input([centre.id], { date1: saturday, date2: monday }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.date1).toBe(
      `这一天${centre.name}闭馆。可选的最近日期：${[3, 4, 5].map((n) => md(addDays(saturday, n))).join('、')}`,
    )
  })

  it('holds for the district in the admin too, with a clear message, but never blocks other edits', async () => {
    const centre = await makeCentre(payload, { hostingLimit: 1 })
    const day = addDays(today, 70)
    const taken = await requestVisit(payload, input([centre.id], { date1: day, date2: addDays(today, 71) }))
    if (!taken.ok) throw new Error(JSON.stringify(taken.errors))
    const district = await payload.create({
      collection: 'users',
      data: {
        email: `district-${Date.now()}@mulin.test`,
        password: 'a-long-test-password',
        name: '区睦邻办',
        roles: ['district-admin'],
      },
    })
    const asDistrict = { user: { ...district, collection: 'users' as const }, overrideAccess: false }
    await expect(
      payload.create({
        collection: 'visit-requests',
        data: {
          organisation: '电话预约的考察团',
          delegationSize: 5,
          contactName: '周婷',
          phone: '13900002468',
          email: 'zhou@example.cn',
          preferredDates: [{ date: `${day}T00:00:00+08:00` }],
          centres: [centre.id],
          status: 'pending',
        },
        ...asDistrict,
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('的接待名额已满（每天 1 批）') })

    // Approving and noting the existing request adds no day, so it goes through.
    const approved = await payload.update({
      collection: 'visit-requests',
      id: taken.id,
      data: { status: 'approved', staffNotes: '已电话确认' },
      ...asDistrict,
    })
    expect(approved.status).toBe('approved')

    // Scheduling it on a day the centre is free moves its hold there.
    const other = addDays(today, 72)
    await payload.update({
      collection: 'visit-requests',
      id: taken.id,
      data: { status: 'scheduled', itinerary: [{ centre: centre.id, start: `${other}T09:30:00+08:00` }] },
      ...asDistrict,
    })
    expect(
      (await requestVisit(payload, input([centre.id], { date1: day, date2: addDays(today, 71) }))).ok,
    ).toBe(true)
    const clash = await requestVisit(payload, input([centre.id], { date1: other, date2: addDays(today, 73) }))
    expect(clash.ok || clash.errors.date1).toContain('的接待名额已满')
  })
})

describe('the staff email', () => {
  it('goes to the district admins and the chosen centres’ staff, with what staff need and a link', async () => {
    const [chosen, elsewhere] = [await makeCentre(payload), await makeCentre(payload)]
    const user = (email: string, roles: string[], centres: number[] = []) =>
      payload.create({
        collection: 'users',
        data: { email, password: 'a-long-test-password', name: email, roles, centres } as never,
      })
    await user('boss@mulin.test', ['district-admin'])
    await user('chosen-staff@mulin.test', ['centre-staff'], [chosen.id])
    await user('other-staff@mulin.test', ['centre-staff'], [elsewhere.id])

    const printed = vi.spyOn(payload.logger, 'info')
    const result = await requestVisit(
      payload,
      input([chosen.id], {
        organisation: '成都市武侯区民政局考察团',
        date1: addDays(today, 80),
        date2: addDays(today, 81),
      }),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    // The email leaves after the request is saved, without holding up the save.
    const block = await vi.waitFor(() => {
      const line = printed.mock.calls.map((call) => String(call[0])).find((l) => l.includes(result.reference))
      if (!line) throw new Error('not printed yet')
      return line
    })
    expect(block, 'the email printed to the log').toBeDefined()
    expect(block).toContain('To: ')
    expect(block).toContain('boss@mulin.test')
    expect(block).toContain('chosen-staff@mulin.test')
    expect(block).not.toContain('other-staff@mulin.test')
    expect(block).toContain(`Subject: 新的考察预约 ${result.reference}：成都市武侯区民政局考察团（12 人）`)
    expect(block).toContain('人数：12 人')
    expect(block).toContain(`希望参观的中心：${chosen.name}`)
    const [y1, y2] = [addDays(today, 80), addDays(today, 81)].map(
      (d) => `${Number(d.slice(0, 4))}年${monthDay(d)}`,
    )
    expect(block).toContain(`希望日期：${y1}、${y2}`)
    expect(block).toContain(`/admin/collections/visit-requests/${result.id}`)
    // The log never holds the phone number, only the email sent through SMTP would.
    expect(block).not.toContain('13900001234')
    for (const call of printed.mock.calls) expect(String(call[0])).not.toContain('13900001234')
  })

  it('goes only to VISIT_NOTIFY_EMAIL when that is set', async () => {
    process.env.VISIT_NOTIFY_EMAIL = 'visits@district.example.cn, duty@district.example.cn'
    const centre = await makeCentre(payload)
    const printed = vi.spyOn(payload.logger, 'info')
    const result = await requestVisit(
      payload,
      input([centre.id], { date1: addDays(today, 90), date2: addDays(today, 91) }),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    // The email leaves after the request is saved, without holding up the save.
    const block = await vi.waitFor(() => {
      const line = printed.mock.calls.map((call) => String(call[0])).find((l) => l.includes(result.reference))
      if (!line) throw new Error('not printed yet')
      return line
    })
    expect(block).toContain('To: visits@district.example.cn, duty@district.example.cn\n')
  })

  it('is sent through SMTP, phone included, when a mail transport is configured', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true })
    const settings = { ...emailSettings({}), from: 'visits@mulin.example.cn' }
    const adapter = emailAdapter({ transport, settings })({ payload })
    expect(adapter.name).toBe('smtp')
    const queued = (await adapter.sendEmail({
      to: 'boss@mulin.test',
      subject: '新的考察预约',
      text: '联系电话：13900001234',
    })) as { delivery: Promise<{ message: string }> }
    // Handed over at once; the delivery finishes in the background.
    const sent = await queued.delivery
    const message = JSON.parse(sent.message) as {
      from: { address: string }
      to: Array<{ address: string }>
      text: string
    }
    expect(message.from.address).toBe('visits@mulin.example.cn')
    expect(message.to[0]!.address).toBe('boss@mulin.test')
    expect(message.text).toContain('13900001234')
  })

  it('reads the SMTP settings from the environment', () => {
    expect(
      emailSettings({
        SMTP_HOST: 'smtp.example.cn',
        SMTP_SECURE: 'true',
        SMTP_USER: 'u',
        SMTP_PASS: 'p',
        EMAIL_FROM: 'a@b.cn',
      }),
    ).toMatchObject({
      host: 'smtp.example.cn',
      port: 465,
      secure: true,
      user: 'u',
      pass: 'p',
      from: 'a@b.cn',
    })
    expect(emailSettings({ SMTP_HOST: 'smtp.example.cn', SMTP_PORT: '2525' })).toMatchObject({
      port: 2525,
      secure: false,
    })
    expect(emailSettings({}).host).toBeUndefined()
  })
})

describe('looking up a request', () => {
  it('shows status, dates, centres and itinerary for the right reference and email, and nothing personal', async () => {
    const centre = await makeCentre(payload)
    const result = await requestVisit(
      payload,
      input([centre.id], { date1: addDays(today, 100), date2: addDays(today, 101) }),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    await payload.update({
      collection: 'visit-requests',
      id: result.id,
      data: {
        status: 'scheduled',
        staffNotes: '内部备注：请准备展板',
        itinerary: [
          { centre: centre.id, start: `${addDays(today, 100)}T09:30:00+08:00`, note: '中心负责人讲解' },
        ],
      },
    })
    const view = await lookUpVisit(payload, {
      reference: ` ${result.reference.toLowerCase()} `,
      email: 'LIU.XIAOMEI@example.cn',
    })
    expect(view).toMatchObject({
      reference: result.reference,
      status: 'scheduled',
      preferredDates: [addDays(today, 100), addDays(today, 101)],
      centres: [{ id: centre.id, name: centre.name, slug: centre.slug }],
      itinerary: [{ centre: { id: centre.id, slug: centre.slug }, note: '中心负责人讲解' }],
    })
    const text = JSON.stringify(view)
    for (const secret of ['刘晓梅', '13900001234', 'liu.xiaomei', '内部备注'])
      expect(text).not.toContain(secret)
  })

  it('finds nothing when either half is wrong', async () => {
    const centre = await makeCentre(payload)
    const result = await requestVisit(
      payload,
      input([centre.id], { date1: addDays(today, 110), date2: addDays(today, 111) }),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(await lookUpVisit(payload, { reference: result.reference, email: 'someone@else.cn' })).toBeNull()
    expect(
      await lookUpVisit(payload, { reference: 'V2026-ZZZZZ', email: 'liu.xiaomei@example.cn' }),
    ).toBeNull()
    expect(await lookUpVisit(payload, { reference: result.reference, email: '' })).toBeNull()
  })
})
