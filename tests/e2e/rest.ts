/** A small client for the CMS's REST API, as a given role sees it. */
import { expect, inject } from 'vitest'

export type Role = 'anonymous' | 'centre-staff' | 'district-admin'

export const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  'centre-staff': 'siping@mulin.demo',
  'district-admin': 'district@mulin.demo',
}

const tokens = new Map<Role, string>()

export async function tokenFor(role: Role): Promise<string | undefined> {
  if (role === 'anonymous') return undefined
  const known = tokens.get(role)
  if (known) return known
  const response = await fetch(`${inject('cmsUrl')}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNTS[role], password: inject('demoPassword') }),
  })
  expect(response.status, `login as ${role}`).toBe(200)
  const token = ((await response.json()) as { token: string }).token
  tokens.set(role, token)
  return token
}

export async function api(
  role: Role,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = await tokenFor(role)
  const response = await fetch(`${inject('cmsUrl')}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    json = { text }
  }
  return { status: response.status, json }
}

/** The first document of a collection matching a query string, as the district sees it. */
export async function findOne(collection: string, query: string): Promise<Record<string, unknown>> {
  const { status, json } = await api(
    'district-admin',
    'GET',
    `/api/${collection}?${query}&limit=1&depth=0&draft=true`,
  )
  expect(status).toBe(200)
  const doc = (json.docs as Array<Record<string, unknown>>)[0]
  expect(doc, `a ${collection} matching ${query}`).toBeDefined()
  return doc!
}

/**
 * Every document a query matches, page by page: the public API serves at most 100 a page
 * (cms/rules/page-size.ts). `path` is the collection's address with its query, without limit/page.
 */
export async function findAll(
  role: Role,
  path: string,
): Promise<{ status: number; docs: Array<Record<string, unknown>>; totalDocs: number }> {
  const docs: Array<Record<string, unknown>> = []
  for (let page = 1; ; page += 1) {
    const { status, json } = await api(
      role,
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=100&page=${page}`,
    )
    if (status !== 200) return { status, docs, totalDocs: 0 }
    docs.push(...(json.docs as Array<Record<string, unknown>>))
    if (!json.hasNextPage) return { status, docs, totalDocs: json.totalDocs as number }
  }
}

/**
 * A published one-hour talk at a centre, made by the district, starting at `start`; `extra`
 * changes any field (capacity, status, _status for a draft). Its id.
 */
export async function publishEvent(
  centre: number,
  title: string,
  start: Date,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const draft = extra._status === 'draft'
  const { status, json } = await api('district-admin', 'POST', `/api/events${draft ? '?draft=true' : ''}`, {
    title,
    centre,
    category: 'talk',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
    capacity: 10,
    maxPartySize: 1,
    _status: 'published',
    ...extra,
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}

const SHANGHAI_OFFSET = 8 * 3_600_000
const DAY_MS = 24 * 3_600_000

/**
 * When a session "later today" (in Shanghai, where the door checks codes in) can start: `ahead` ms
 * from now, or halfway to Shanghai's midnight when the day has less left than that. Run in the last
 * minutes of a Shanghai day, "in 20 minutes" is tomorrow, and the door rightly refuses its code.
 * With under two minutes left it waits for midnight: sign-up needs a start still to come.
 */
export async function laterToday(ahead: number): Promise<Date> {
  const midnightAfter = (at: number) =>
    (Math.floor((at + SHANGHAI_OFFSET) / DAY_MS) + 1) * DAY_MS - SHANGHAI_OFFSET
  if (midnightAfter(Date.now()) - Date.now() < 2 * 60_000) {
    await new Promise((resolve) => setTimeout(resolve, midnightAfter(Date.now()) - Date.now() + 1_000))
  }
  const now = Date.now()
  return new Date(Math.min(now + ahead, now + (midnightAfter(now) - now) / 2))
}
