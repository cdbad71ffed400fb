/**
 * The access matrix, cell by cell, through the REST API of the running CMS: for every collection,
 * every role (anonymous, centre staff of 四平路, district admin) and every operation, whether it is
 * allowed, on the staff member's own centre's documents and on another centre's.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, findOne, type Role } from './rest'

type Op = 'read' | 'create' | 'update' | 'delete'
/** own / other: a document of the staff member's centre or of another; published / draft for the public. */
type Target = 'own' | 'other' | 'published' | 'draft' | 'self'
type Expect = boolean | Partial<Record<Target, boolean>>
type Row = Partial<Record<Op, Expect>>

const Y = true
const N = false
const ownOnly = { own: Y, other: N }

/** What each role may do. The district admin may do everything, so it is checked on every cell too. */
const MATRIX: Record<string, Record<Role, Row>> = {
  centres: {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: N, update: ownOnly, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  evaluations: {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: { own: Y, other: N }, create: N, update: N, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  events: {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: ownOnly, update: ownOnly, delete: ownOnly },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  registrations: {
    anonymous: { read: N, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: ownOnly, update: ownOnly, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  conventions: {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: ownOnly, update: ownOnly, delete: ownOnly },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  projects: {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: ownOnly, update: ownOnly, delete: ownOnly },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  'case-studies': {
    anonymous: { read: { published: Y, draft: N }, create: N, update: N, delete: N },
    'centre-staff': { read: Y, create: N, update: N, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  'visit-requests': {
    anonymous: { read: N, create: N, update: N, delete: N },
    'centre-staff': { read: ownOnly, create: N, update: N, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  'sub-districts': {
    anonymous: { read: Y, create: N, update: N, delete: N },
    'centre-staff': { read: Y, create: N, update: N, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  neighbourhoods: {
    anonymous: { read: Y, create: N, update: N, delete: N },
    'centre-staff': { read: Y, create: N, update: N, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
  users: {
    anonymous: { read: N, create: N, update: N, delete: N },
    'centre-staff': { read: { self: Y, other: N }, create: N, update: { self: Y, other: N }, delete: N },
    'district-admin': { read: Y, create: Y, update: Y, delete: Y },
  },
}

const ROLES: Role[] = ['anonymous', 'centre-staff', 'district-admin']
const stamp = Date.now().toString(36)
let counter = 0
const unique = () => `${stamp}-${(counter += 1)}`
/** A day of its own for each visit-request fixture, so no centre's daily hosting limit is reached. */
let days = 0
const freeDay = () => new Date(Date.UTC(2029, 0, 1 + (days += 1))).toISOString().slice(0, 10)

type Ids = {
  own: number
  other: number
  ownNeighbourhood: number
  otherNeighbourhood: number
  subDistrict: number
}
let ids: Ids

/** A fresh document to act on, made by the district admin; `target` says whose it is. */
async function make(collection: string, target: Target): Promise<number> {
  // For centres, "own" is the staff member's own centre and "other" another real one.
  if (collection === 'centres' && target === 'own') return ids.own
  if (collection === 'centres' && target === 'other') return ids.other
  const centre = target === 'other' ? ids.other : ids.own
  const neighbourhood = target === 'other' ? ids.otherNeighbourhood : ids.ownNeighbourhood
  const status = target === 'draft' ? 'draft' : 'published'
  const bodies: Record<string, () => Promise<unknown> | unknown> = {
    centres: () => ({
      name: `测试中心 ${unique()}`,
      slug: `t-${unique()}`,
      subDistrict: ids.subDistrict,
      _status: status,
    }),
    evaluations: () => ({
      centre,
      ...nextPeriod(),
      scores: { facilities: 15, services: 15, participation: 15, governance: 15, satisfaction: 15 },
      // The public may read published evaluations only; staff also their own unpublished ones.
      published: target === 'published',
    }),
    events: () => eventBody(centre, status),
    registrations: async () => ({
      event: await make('events', target === 'other' ? 'other' : 'own'),
      name: '测试居民',
      phone: '13900009999',
      partySize: 1,
      status: 'confirmed',
      channel: 'staff',
    }),
    conventions: () => conventionBody(centre, neighbourhood, status),
    projects: () => ({
      title: `测试项目 ${unique()}`,
      slug: `t-${unique()}`,
      kind: 'public-benefit',
      status: 'open',
      centre,
      _status: status,
    }),
    'case-studies': () => ({ title: `测试案例 ${unique()}`, slug: `t-${unique()}`, _status: status }),
    'visit-requests': () => ({
      organisation: '测试考察团',
      delegationSize: 8,
      contactName: '测试联系人',
      phone: '13900008888',
      email: 'visit@example.cn',
      preferredDates: [{ date: freeDay() }],
      centres: [centre],
    }),
    'sub-districts': () => ({ name: `测试街道 ${unique()}`, slug: `t-${unique()}`, district: 'yangpu' }),
    neighbourhoods: () => ({ name: `测试居民区 ${unique()}`, subDistrict: ids.subDistrict, centre }),
    users: () => ({
      email: `t-${unique()}@mulin.test`,
      password: 'a-long-test-password',
      name: '测试用户',
      roles: ['centre-staff'],
      centres: [centre],
    }),
  }
  const draftQuery = target === 'draft' ? '?draft=true' : ''
  const { status: code, json } = await api(
    'district-admin',
    'POST',
    `/api/${collection}${draftQuery}`,
    await bodies[collection]!(),
  )
  expect(code, `admin creates a ${collection} fixture: ${JSON.stringify(json).slice(0, 300)}`).toBe(201)
  return (json.doc as { id: number }).id
}

function eventBody(centre: number, status: string) {
  const start = new Date(Date.now() + 10 * 24 * 3600 * 1000)
  return {
    title: `测试活动 ${unique()}`,
    centre,
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3600 * 1000).toISOString(),
    capacity: 10,
    maxPartySize: 1,
    _status: status,
  }
}

function conventionBody(centre: number, neighbourhood: number, status: string) {
  return {
    title: `测试公约 ${unique()}`,
    slug: `t-${unique()}`,
    type: 'residents',
    status: 'adopted',
    scope: 'neighbourhood',
    centre,
    neighbourhood,
    articles: [{ text: '爱护公共环境。' }],
    _status: status,
  }
}

/** A change each collection accepts, for update checks. */
const PATCHES: Record<string, Record<string, unknown>> = {
  centres: { summary: '更新' },
  evaluations: { comments: '更新' },
  events: { description: '更新' },
  registrations: { partySize: 1 },
  conventions: { summary: '更新' },
  projects: { summary: '更新' },
  'case-studies': { summary: '更新' },
  'visit-requests': { staffNotes: '更新' },
  'sub-districts': { name: '更新' },
  neighbourhoods: { name: '更新' },
  users: { name: '更新' },
}

/** The body a role would send to create a document for a target. */
async function createBody(collection: string, target: Target): Promise<unknown> {
  const centre = target === 'other' ? ids.other : ids.own
  const neighbourhood = target === 'other' ? ids.otherNeighbourhood : ids.ownNeighbourhood
  switch (collection) {
    case 'events':
      return eventBody(centre, 'published')
    case 'conventions':
      return conventionBody(centre, neighbourhood, 'published')
    case 'registrations':
      return {
        event: await make('events', target === 'other' ? 'other' : 'own'),
        name: '代报居民',
        phone: '13900007777',
        partySize: 1,
        status: 'confirmed',
        channel: 'family',
      }
    case 'projects':
      return {
        title: `新项目 ${unique()}`,
        slug: `t-${unique()}`,
        kind: 'self-governance',
        status: 'open',
        centre,
        _status: 'published',
      }
    default:
      return null
  }
}

/** A period no other fixture uses: one evaluation per centre and period is a rule. */
let period = 0
function nextPeriod() {
  period += 1
  return { year: 2030 + Math.floor(period / 2), half: String((period % 2) + 1) }
}

const granted = (status: number) => status >= 200 && status < 300
const refused = (status: number) => status === 401 || status === 403 || status === 404

beforeAll(async () => {
  const own = await findOne('centres', 'where[slug][equals]=siping-road')
  const other = await findOne('centres', 'where[slug][equals]=yanji-xincun')
  const ownNb = await findOne('neighbourhoods', `where[centre][equals]=${own.id}`)
  const otherNb = await findOne('neighbourhoods', `where[centre][equals]=${other.id}`)
  ids = {
    own: own.id as number,
    other: other.id as number,
    ownNeighbourhood: ownNb.id as number,
    otherNeighbourhood: otherNb.id as number,
    subDistrict: own.subDistrict as number,
  }
})

for (const [collection, byRole] of Object.entries(MATRIX)) {
  describe(`${collection}`, () => {
    for (const role of ROLES) {
      for (const op of ['read', 'create', 'update', 'delete'] as Op[]) {
        const expectation = byRole[role][op]!
        const cells: Array<[Target, boolean]> =
          typeof expectation === 'boolean'
            ? [
                [
                  role === 'centre-staff' && collection !== 'users'
                    ? 'own'
                    : role === 'centre-staff'
                      ? 'self'
                      : 'published',
                  expectation,
                ],
              ]
            : (Object.entries(expectation) as Array<[Target, boolean]>)
        for (const [target, allowed] of cells) {
          it(`${role} ${allowed ? 'may' : 'may not'} ${op} (${target})`, async () => {
            if (op === 'create') {
              const payload =
                (await createBody(collection, target)) ?? (await makeBodyFor(collection, target))
              const { status } = await api(role, 'POST', `/api/${collection}`, payload)
              expect(allowed ? granted(status) : refused(status), `POST → ${status}`).toBe(true)
              return
            }
            const id =
              target === 'self'
                ? ((await findOne('users', 'where[email][equals]=siping@mulin.demo')).id as number)
                : await make(collection, target)
            const path = `/api/${collection}/${id}`
            const { status, json } =
              op === 'read'
                ? await api(role, 'GET', path)
                : op === 'update'
                  ? await api(role, 'PATCH', path, PATCHES[collection])
                  : await api(role, 'DELETE', path)
            expect(
              allowed ? granted(status) : refused(status),
              `${op} → ${status} ${JSON.stringify(json).slice(0, 200)}`,
            ).toBe(true)
          })
        }
      }
    }
  })
}

/** Create bodies for collections whose ownership does not depend on a centre. */
async function makeBodyFor(collection: string, target: Target): Promise<unknown> {
  const centre = target === 'other' ? ids.other : ids.own
  const bodies: Record<string, unknown> = {
    centres: {
      name: `新中心 ${unique()}`,
      slug: `t-${unique()}`,
      subDistrict: ids.subDistrict,
      _status: 'published',
    },
    evaluations: {
      centre,
      ...nextPeriod(),
      scores: { facilities: 15, services: 15, participation: 15, governance: 15, satisfaction: 15 },
      comments: unique(),
    },
    'case-studies': { title: `新案例 ${unique()}`, slug: `t-${unique()}`, _status: 'published' },
    'visit-requests': {
      organisation: '新考察团',
      delegationSize: 5,
      contactName: '联系人',
      phone: '13900006666',
      email: 'new@example.cn',
      preferredDates: [{ date: freeDay() }],
      centres: [centre],
    },
    'sub-districts': { name: `新街道 ${unique()}`, slug: `t-${unique()}`, district: 'minhang' },
    neighbourhoods: { name: `新居民区 ${unique()}`, subDistrict: ids.subDistrict, centre },
    users: {
      email: `n-${unique()}@mulin.test`,
      password: 'a-long-test-password',
      name: '新用户',
      roles: ['centre-staff'],
      centres: [centre],
    },
  }
  return bodies[collection]
}

describe('the site settings global', () => {
  it('is readable by anyone and editable by the district only', async () => {
    expect((await api('anonymous', 'GET', '/api/globals/site')).status).toBe(200)
    for (const role of ['anonymous', 'centre-staff'] as Role[]) {
      const { status } = await api(role, 'POST', '/api/globals/site', { alert: { enabled: false } })
      expect(refused(status), `${role} → ${status}`).toBe(true)
    }
    expect(
      (await api('district-admin', 'POST', '/api/globals/site', { alert: { enabled: false } })).status,
    ).toBe(200)
  })
})

describe('what a centre-staff login lists', () => {
  it.each(['centres', 'events', 'conventions', 'projects', 'registrations', 'evaluations', 'visit-requests'])(
    'only its own centre’s %s',
    async (collection) => {
      const { status, json } = await api(
        'centre-staff',
        'GET',
        `/api/${collection}?limit=200&depth=0&draft=true`,
      )
      expect(status).toBe(200)
      const docs = json.docs as Array<Record<string, unknown>>
      for (const doc of docs) {
        const owner =
          collection === 'centres'
            ? doc.id
            : collection === 'visit-requests'
              ? (doc.centres as number[])
              : doc.centre
        if (Array.isArray(owner)) expect(owner).toContain(ids.own)
        else expect(owner).toBe(ids.own)
      }
    },
  )
})

/**
 * The admin's own question, asked before there is a document: may this user create here at all?
 * It decides the "create" button and whether the create view opens (GET /api/access answers it).
 */
describe('create without data (the admin’s question)', () => {
  const CREATE: Record<string, Record<Exclude<Role, 'anonymous'>, boolean>> = {
    events: { 'centre-staff': Y, 'district-admin': Y },
    projects: { 'centre-staff': Y, 'district-admin': Y },
    conventions: { 'centre-staff': Y, 'district-admin': Y },
    registrations: { 'centre-staff': Y, 'district-admin': Y },
    centres: { 'centre-staff': N, 'district-admin': Y },
    evaluations: { 'centre-staff': N, 'district-admin': Y },
    'case-studies': { 'centre-staff': N, 'district-admin': Y },
    'visit-requests': { 'centre-staff': N, 'district-admin': Y },
    'sub-districts': { 'centre-staff': N, 'district-admin': Y },
    users: { 'centre-staff': N, 'district-admin': Y },
  }
  for (const role of ['centre-staff', 'district-admin'] as const) {
    it(`answers ${role}`, async () => {
      const { status, json } = await api(role, 'GET', '/api/access')
      expect(status).toBe(200)
      // Payload answers `true` for a granted operation (or `{ permission }` in older shapes).
      const collections = json.collections as Record<string, { create?: boolean | { permission: boolean } }>
      const granted = (answer?: boolean | { permission: boolean }) =>
        typeof answer === 'object' ? answer.permission : answer === true
      const answers = Object.fromEntries(
        Object.keys(CREATE).map((slug) => [slug, granted(collections[slug]?.create)]),
      )
      expect(answers).toEqual(
        Object.fromEntries(Object.entries(CREATE).map(([slug, by]) => [slug, by[role]])),
      )
    })
  }

  it('files a staff member’s document naming no centre under their own, and refuses another centre', async () => {
    const start = new Date(Date.now() + 10 * 24 * 3600 * 1000)
    const body = {
      title: `无中心活动 ${unique()}`,
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600 * 1000).toISOString(),
      capacity: 10,
      maxPartySize: 1,
    }
    const { status, json } = await api('centre-staff', 'POST', '/api/events', body)
    expect(status).toBe(201)
    expect(json.doc).toBeDefined()
    const saved = await findOne('events', `where[title][equals]=${encodeURIComponent(body.title)}`)
    expect(saved.centre).toBe(ids.own)
    const other = { ...body, centre: ids.other }
    expect(refused((await api('centre-staff', 'POST', '/api/events', other)).status)).toBe(true)
  })
})
