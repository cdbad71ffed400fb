/**
 * A delegation asks for a study visit: every check the public form needs, in the CMS layer, so
 * the site's page (and any other door that takes a request from the public) says the same thing.
 * The collection's own hook (cms/hooks/visit-requests.ts) checks the hosting limit once more as
 * the request is saved, so two delegations racing for the last place cannot both get it.
 */
import { APIError, type Payload } from 'payload'

import type { VisitRequest } from '../payload-types'
import {
  addDays,
  checkDays,
  type Day,
  dayToTimestamp,
  hostingLimitOf,
  type HostingQuery,
  nextFreeDays,
  parseDay,
  shanghaiDay,
} from '../rules/hosting'
import { normaliseContactPhone } from '../rules/phone'
import { checkName } from '../rules/text'
import { formatDay, hostingContext, joinNames } from './hosting-data'

type Locale = 'zh' | 'en'

export const VISIT_FIELDS = [
  'organisation',
  'delegationSize',
  'contactName',
  'phone',
  'email',
  'date1',
  'date2',
  'topics',
  'centres',
] as const
export type VisitField = (typeof VISIT_FIELDS)[number]

/** What the form posts, as typed. */
export type VisitRequestInput = Partial<Record<Exclude<VisitField, 'centres'>, string>> & {
  centres?: ReadonlyArray<string>
}

export type VisitErrors = Partial<Record<VisitField | 'form', string>>
export type RequestVisitResult =
  { ok: true; reference: string; id: number } | { ok: false; errors: VisitErrors }

/** Visits are requested from tomorrow on, up to about six months ahead. */
export const VISIT_WINDOW_DAYS = 183
export const MAX_DELEGATION = 200
export const MAX_CENTRES = 5
const MAX = { organisation: 100, contactName: 50, email: 254, topics: 1000 }
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

export function visitWindow(now: Date = new Date()): { today: Day; first: Day; last: Day } {
  const today = shanghaiDay(now)!
  return { today, first: addDays(today, 1), last: addDays(today, VISIT_WINDOW_DAYS) }
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en)

function checkDate(
  raw: string | undefined,
  which: 1 | 2,
  window: ReturnType<typeof visitWindow>,
  locale: Locale,
): { day?: Day; error?: string } {
  const text = (raw ?? '').trim()
  if (!text) {
    return {
      error:
        which === 1
          ? say(locale, '请选择第一个希望日期', 'Please choose a first preferred date.')
          : say(
              locale,
              '请再选一个希望日期，万一第一个日期排不开',
              'Please choose a second preferred date, in case the first is not possible.',
            ),
    }
  }
  const day = parseDay(text)
  if (!day) {
    return {
      error: say(
        locale,
        '请按“年-月-日”填写日期，例如 2027-03-16',
        'Please enter the date as year-month-day, e.g. 2027-03-16.',
      ),
    }
  }
  if (day < window.first) {
    return { error: say(locale, '请选择明天或以后的日期', 'Please choose a date from tomorrow on.') }
  }
  if (day > window.last) {
    const last = formatDay(window.last, locale, window.today.slice(0, 4))
    return {
      error: say(
        locale,
        `目前只能预约半年内的日期（${last}以前）`,
        `Visits can be requested up to six months ahead (until ${last}).`,
      ),
    }
  }
  return { day }
}

/** Checks a request as typed; on success creates it and returns its reference. */
export async function requestVisit(
  payload: Payload,
  input: VisitRequestInput,
  { locale = 'zh', now = new Date() }: { locale?: Locale; now?: Date } = {},
): Promise<RequestVisitResult> {
  const errors: VisitErrors = {}
  const text = (name: Exclude<VisitField, 'centres'>) => (input[name] ?? '').trim()

  const unreadable = say(
    locale,
    '请用文字填写，不要包含不可见的字符',
    'Please use letters or digits, without invisible characters.',
  )
  const organisationCheck = checkName(input.organisation ?? '', MAX.organisation)
  const organisation = organisationCheck.ok ? organisationCheck.value : text('organisation')
  if (
    !organisationCheck.ok &&
    (organisationCheck.reason === 'control' || organisationCheck.reason === 'unreadable')
  )
    errors.organisation = unreadable
  else if (!organisation)
    errors.organisation = say(locale, '请填写单位名称', 'Please enter your organisation.')
  else if (organisation.length > MAX.organisation)
    errors.organisation = say(
      locale,
      `单位名称请不要超过${MAX.organisation}个字`,
      `Please keep the organisation's name under ${MAX.organisation} characters.`,
    )

  const sizeText = text('delegationSize')
  const size = Number(sizeText)
  if (!sizeText) {
    errors.delegationSize = say(locale, '请填写来访人数', 'Please enter how many people will come.')
  } else if (!/^\d+$/.test(sizeText) || size < 1 || size > MAX_DELEGATION) {
    errors.delegationSize = say(
      locale,
      `人数请填 1 到 ${MAX_DELEGATION} 之间的整数；超过 ${MAX_DELEGATION} 人请分批预约`,
      `Please enter a whole number from 1 to ${MAX_DELEGATION}; larger groups please request separate visits.`,
    )
  }

  const contactCheck = checkName(input.contactName ?? '', MAX.contactName)
  const contactName = contactCheck.ok ? contactCheck.value : text('contactName')
  if (!contactCheck.ok && (contactCheck.reason === 'control' || contactCheck.reason === 'unreadable'))
    errors.contactName = unreadable
  else if (!contactName) errors.contactName = say(locale, '请填写联系人姓名', 'Please enter a contact name.')
  else if (contactName.length > MAX.contactName)
    errors.contactName = say(locale, '联系人姓名太长了', 'The contact name is too long.')

  const phoneText = text('phone')
  const phone = normaliseContactPhone(phoneText)
  if (!phoneText) errors.phone = say(locale, '请填写联系电话', 'Please enter a phone number.')
  else if (!phone)
    errors.phone = say(
      locale,
      '请填写手机号码，或带区号的固定电话，例如 021-6598 2031',
      'Please give a mainland mobile number, or a landline with its area code, e.g. 021-6598 2031.',
    )

  const email = text('email').toLowerCase()
  if (!email) errors.email = say(locale, '请填写电子邮箱', 'Please enter an email address.')
  else if (email.length > MAX.email || !EMAIL.test(email))
    errors.email = say(
      locale,
      '电子邮箱的格式不对，例如 name@example.cn',
      'That email address does not look right, e.g. name@example.cn.',
    )

  const window = visitWindow(now)
  const first = checkDate(input.date1, 1, window, locale)
  const second = checkDate(input.date2, 2, window, locale)
  if (first.error) errors.date1 = first.error
  if (second.error) errors.date2 = second.error
  if (first.day && second.day && first.day === second.day) {
    errors.date2 = say(locale, '两个希望日期请选不同的日子', 'Please choose two different dates.')
    delete second.day
  }

  const topics = text('topics')
  if (topics.length > MAX.topics)
    errors.topics = say(
      locale,
      `希望了解的内容请不要超过${MAX.topics}字`,
      `Please keep this under ${MAX.topics} characters.`,
    )

  // Centres: chosen from the directory, so anything else is a stale or tampered form.
  const centreIds = [...new Set((input.centres ?? []).map((id) => id.trim()).filter(Boolean))]
  const days = [first.day, second.day].filter((day): day is Day => day !== undefined)
  const context = await hostingContext(
    payload,
    centreIds.filter((id) => /^[\w-]{1,64}$/.test(id)),
    // The earlier of the two, without reordering the delegation's first and second choice.
    [...days].sort()[0] ?? window.first,
    { locale },
  )
  const centres = context.centres.filter((centre) => centre.published)
  if (centreIds.length === 0) {
    errors.centres = say(
      locale,
      '请至少选择一个希望参观的中心',
      'Please choose at least one centre to visit.',
    )
  } else if (centreIds.length > MAX_CENTRES) {
    errors.centres = say(
      locale,
      `一次最多选择 ${MAX_CENTRES} 个中心`,
      `Please choose at most ${MAX_CENTRES} centres for one visit.`,
    )
  } else if (centres.length !== centreIds.length) {
    errors.centres = say(
      locale,
      '所选的中心中有一个已不在名录中，请重新选择',
      'One of the centres chosen is no longer in the directory; please choose again.',
    )
  } else {
    const closedToVisits = centres.filter((centre) => hostingLimitOf(centre) === 0)
    if (closedToVisits.length > 0) {
      const names = joinNames(
        closedToVisits.map((c) => c.name),
        locale,
      )
      errors.centres = say(
        locale,
        `${names}目前不接待考察团，请选择其他中心`,
        `${names} ${closedToVisits.length > 1 ? 'do' : 'does'} not host delegations at present; please choose another centre.`,
      )
    }
  }

  if (!errors.centres) {
    const query: HostingQuery = { centres, requests: context.requests, checkClosed: true }
    const checks = checkDays(query, days)
    for (const [field, day, other] of [
      ['date1', first.day, second.day],
      ['date2', second.day, first.day],
    ] as const) {
      const check = checks.find((c) => c.day === day)
      if (!day || !check || (check.full.length === 0 && check.closed.length === 0)) continue
      errors[field] = unavailableMessage(query, check, other, window, locale)
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }

  try {
    const created = (await payload.create({
      collection: 'visit-requests',
      data: {
        organisation,
        delegationSize: size,
        contactName,
        phone: phone!,
        email,
        preferredDates: days.map((day) => ({ date: dayToTimestamp(day) })),
        topics: topics || undefined,
        centres: centres.map((centre) => Number(centre.id)),
        status: 'pending',
      },
      overrideAccess: true,
    })) as VisitRequest
    return { ok: true, reference: created.reference!, id: created.id }
  } catch (error) {
    // Another delegation took the last place between the check above and the save.
    if (error instanceof APIError && error.status === 409) {
      return {
        ok: false,
        errors: {
          form: say(
            locale,
            '刚刚有其他代表团预约了同一天，名额已满。请换一个日期再提交。',
            'Another delegation has just taken the last place on that day. Please choose another date.',
          ),
        },
      }
    }
    throw error
  }
}

function unavailableMessage(
  query: HostingQuery,
  check: { day: Day; full: string[]; closed: string[] },
  other: Day | undefined,
  window: ReturnType<typeof visitWindow>,
  locale: Locale,
): string {
  const nameOf = (id: string) =>
    (query.centres as Array<{ id: number | string; name: string }>).find((c) => String(c.id) === id)?.name ??
    id
  const full = check.full.map(nameOf)
  const closed = check.closed.map(nameOf)
  const year = window.today.slice(0, 4)
  const suggestions = nextFreeDays(query, check.day, { until: window.last, skip: other ? [other] : [] })
  const parts: string[] = []
  if (locale === 'zh') {
    if (closed.length > 0) parts.push(`这一天${joinNames(closed, 'zh')}闭馆。`)
    if (full.length > 0) parts.push(`这一天${joinNames(full, 'zh')}的接待名额已满。`)
    parts.push(
      suggestions.length > 0
        ? `可选的最近日期：${suggestions.map((day) => formatDay(day, 'zh', year)).join('、')}`
        : '近期没有所选中心都能接待的日期，请少选几个中心，或打电话联系区睦邻办。',
    )
    return parts.join('')
  }
  const verb = (names: string[], one: string, many: string) => (names.length > 1 ? many : one)
  if (closed.length > 0)
    parts.push(`${joinNames(closed, 'en')} ${verb(closed, 'is', 'are')} closed on this day.`)
  if (full.length > 0)
    parts.push(`${joinNames(full, 'en')} ${verb(full, 'is', 'are')} fully booked for visits on this day.`)
  parts.push(
    suggestions.length > 0
      ? `The nearest dates available: ${joinNames(
          suggestions.map((day) => formatDay(day, 'en', year)),
          'en',
        )}.`
      : 'No date soon suits all the centres chosen; please choose fewer centres, or call the district office.',
  )
  return parts.join(' ')
}
