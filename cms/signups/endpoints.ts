/**
 * The sign-up rules over HTTP, for a kiosk, a mini-program or a volunteer's phone at the door:
 *
 *   POST /api/events/{id}/register        {name, phone, partySize, consent}  → 201 {code, status, position?}
 *   POST /api/registrations/lookup        {code, phone}                      → 200 {code, status, …}
 *   POST /api/registrations/cancel        {code, phone}                      → 200 {code, status: "cancelled"}
 *   POST /api/volunteers/withdraw         {code, phone}                      → 200 {code, status: "cancelled", …}
 *   POST /api/registrations/check-in      {code}            (staff)          → 200 {code, status: "attended", when, partySize, maskedName}
 *   GET  /api/events/{id}/registrations.csv                  (staff)          → CSV of the list
 *   POST /api/projects/{id}/volunteer     {roleId, name, phone, consent}     → 201 {code}
 *   POST /api/projects/{id}/claim         {organisation, contactName, phone, offer, consent} → 201
 *
 * Refusals are 4xx with `{message, zh, en, errors?}`; the rate limit answers 429. Every answer is
 * `Cache-Control: no-store`. Phone numbers travel only in request bodies, never in a URL, and are
 * never logged.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { signedIn } from '../access'
import { formLimiter } from '../rate-limit/form-limiter'
import { addressOf } from '../rules/client-address'
import { readJsonObject } from '../rules/json-body'
import { REGISTRATION_CHANNELS, REGISTRATION_STATUSES, labelOf } from '../vocabulary'
import { doorCheck } from './door'
import { cancelSignup, checkIn, lookUpSignup, type Outcome, signUp } from './event-signups'
import { offerClaim, volunteer, withdrawVolunteer } from './project-signups'
import { LIMITED, signupAnswer } from './answers'

const NO_STORE = { 'Cache-Control': 'no-store' }

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } })
}

/**
 * The JSON body of a request, or the refusal to send: only `application/json` (which no other web
 * page can make a visitor's browser send without asking), and only a JSON object.
 */
async function body(req: PayloadRequest): Promise<Record<string, unknown> | Response> {
  const input = await readJsonObject(req)
  return input.ok ? input.value : json(input.body, input.status)
}

async function limited(form: string, req: PayloadRequest): Promise<Response | undefined> {
  const address = addressOf(req.headers)
  if (await formLimiter.allow(req.payload, form, address)) return undefined
  const retry = await formLimiter.retryAfter(req.payload, form, address)
  return json(LIMITED, 429, { 'Retry-After': String(retry) })
}

function refused<T>(outcome: Extract<Outcome<T>, { ok: false }>): Response {
  const { message, status, errors } = outcome
  return json({ message: `${message.zh} / ${message.en}`, ...message, errors }, status)
}

/**
 * A public form's endpoint: the attempt is counted against the form's rate limit, the body must be
 * a JSON object, and only then does `handle` run. Each public endpoint below is one of these.
 */
function publicForm(
  form: string,
  handle: (input: Record<string, unknown>, req: PayloadRequest) => Promise<Response>,
): Endpoint['handler'] {
  return async (req) => {
    const stop = await limited(form, req)
    if (stop) return stop
    const input = await body(req)
    return input instanceof Response ? input : handle(input, req)
  }
}

const text = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined ? '' : String(value)

export const eventEndpoints: Endpoint[] = [
  {
    path: '/:id/register',
    method: 'post',
    handler: publicForm('signup', async (input, req) => {
      const channel = input.channel === 'staff' || input.channel === 'family' ? input.channel : 'online'
      const outcome = await signUp(
        req.payload,
        String(req.routeParams?.id),
        {
          name: input.name,
          phone: text(input.phone),
          partySize: input.partySize,
          consent: input.consent,
          channel,
        },
        { user: req.user },
      )
      const answer = signupAnswer(outcome)
      return json(answer.body, answer.status, answer.headers)
    }),
  },
  {
    path: '/:id/registrations.csv',
    method: 'get',
    handler: async (req) => {
      if (!signedIn({ req })) return json({ message: '请先登录 / Please log in' }, 401)
      const eventId = String(req.routeParams?.id)
      // Staff see only their own centres' lists: read with the user's own access.
      const event = await req.payload
        .findByID({
          collection: 'events',
          id: eventId,
          depth: 0,
          draft: true,
          user: req.user,
          overrideAccess: false,
        })
        .catch(() => undefined)
      if (!event) return json({ message: 'Not found' }, 404)
      const { docs } = await req.payload.find({
        collection: 'registrations',
        where: { event: { equals: eventId } },
        sort: 'createdAt',
        limit: 0,
        pagination: false,
        depth: 0,
        // The columns of the file and no more: a festival's list has thousands of rows.
        select: {
          code: true,
          name: true,
          phone: true,
          partySize: true,
          status: true,
          channel: true,
          createdAt: true,
          checkedInAt: true,
        },
        user: req.user,
        overrideAccess: false,
      })
      const lang = req.locale === 'en' ? 'en' : 'zh'
      const header =
        lang === 'en'
          ? ['Code', 'Name', 'Mobile', 'Party size', 'Status', 'Channel', 'Signed up', 'Checked in']
          : ['确认码', '姓名', '手机号码', '人数', '状态', '报名方式', '报名时间', '签到时间']
      const rows = docs.map((r) => [
        r.code ?? '',
        r.name,
        r.phone ?? '',
        String(r.partySize),
        labelOf(REGISTRATION_STATUSES, r.status, lang),
        labelOf(REGISTRATION_CHANNELS, r.channel, lang),
        shanghaiTime(r.createdAt),
        r.checkedInAt ? shanghaiTime(r.checkedInAt) : '',
      ])
      // A byte-order mark so Excel opens the Chinese text as UTF-8.
      const csv = '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
      return new Response(csv, {
        headers: {
          ...NO_STORE,
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="signups-event-${eventId}.csv"`,
        },
      })
    },
  },
]

export const registrationEndpoints: Endpoint[] = [
  {
    path: '/lookup',
    method: 'post',
    handler: publicForm('lookup', async (input, req) => {
      const outcome = await lookUpSignup(req.payload, text(input.code), text(input.phone))
      return outcome.ok ? json(outcome.value) : refused(outcome)
    }),
  },
  {
    path: '/cancel',
    method: 'post',
    handler: publicForm('cancel', async (input, req) => {
      const outcome = await cancelSignup(req.payload, text(input.code), text(input.phone))
      return outcome.ok ? json(outcome.value) : refused(outcome)
    }),
  },
  {
    path: '/check-in',
    method: 'post',
    handler: async (req) => {
      if (!signedIn({ req })) return json({ message: '请先登录 / Please log in' }, 401)
      const input = await body(req)
      if (input instanceof Response) return input
      const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
      // Another day's or another centre's code is refused with its reason (cms/signups/door.ts).
      const door = await doorCheck(req.payload, text(input.code), req, lang)
      if (door && !door.ok) return refused(door)
      const outcome = await checkIn(req.payload, text(input.code), req.user, lang)
      return outcome.ok ? json({ ...outcome.value, ...door?.value }) : refused(outcome)
    },
  },
]

/**
 * A volunteer withdraws with the code and the last four digits (or the whole number), as on the
 * /signups page: the same rule (cms/rules/projects.ts), the same count of wrong digits and the
 * same rate limit as cancelling an event sign-up. The place goes back to the role.
 */
export const volunteerEndpoints: Endpoint[] = [
  {
    path: '/withdraw',
    method: 'post',
    handler: publicForm('cancel', async (input, req) => {
      const outcome = await withdrawVolunteer(req.payload, text(input.code), text(input.phone))
      return outcome.ok ? json(outcome.value) : refused(outcome)
    }),
  },
]

export const projectEndpoints: Endpoint[] = [
  {
    path: '/:id/volunteer',
    method: 'post',
    handler: publicForm('volunteer', async (input, req) => {
      const outcome = await volunteer(req.payload, String(req.routeParams?.id), {
        roleId: text(input.roleId),
        name: input.name,
        phone: text(input.phone),
        consent: input.consent,
      })
      if (!outcome.ok) return refused(outcome)
      return json(outcome.value, outcome.value.created ? 201 : 200)
    }),
  },
  {
    path: '/:id/claim',
    method: 'post',
    handler: publicForm('claim', async (input, req) => {
      const outcome = await offerClaim(req.payload, String(req.routeParams?.id), {
        organisation: input.organisation,
        contactName: input.contactName,
        phone: text(input.phone),
        offer: input.offer,
        consent: input.consent,
      })
      return outcome.ok ? json(outcome.value, 201) : refused(outcome)
    }),
  },
]

function csvCell(value: string): string {
  // Cells starting like a formula are neutralised so a spreadsheet never runs them.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function shanghaiTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso))
}
