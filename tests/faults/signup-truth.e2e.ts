/**
 * Fault tests: "报名成功" is said only of a sign-up that is stored. Each runs against a portal of
 * its own (tests/helpers/portal.ts), because it holds the database, races password resets or
 * kills the CMS outright.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type OwnPortal, restClient, startOwnPortal } from '../helpers/portal'

const LOCK_WAIT_MS = 3_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const phone = (n: number) => `139${String(n).padStart(8, '0')}`

let portal: OwnPortal
let rest: ReturnType<typeof restClient>

beforeAll(async () => {
  portal = await startOwnPortal({ env: { DATABASE_LOCK_WAIT_MS: String(LOCK_WAIT_MS) } })
  rest = restClient(portal.cmsUrl)
}, 300_000)
afterAll(async () => {
  await portal?.kill()
})

async function makeEvent(capacity: number): Promise<number> {
  const centres = await rest.call('GET', '/api/centres?limit=1&depth=0')
  const centre = (centres.json.docs as { id: number }[])[0]!.id
  const start = new Date(Date.now() + 7 * 24 * 3600e3)
  const { status, json } = await rest.call(
    'POST',
    '/api/events',
    {
      title: `故障测试 ${Math.random().toString(36).slice(2, 7)}`,
      centre,
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * 3600e3).toISOString(),
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

const signUp = (eventId: number, n: number) =>
  rest.call('POST', `/api/events/${eventId}/register`, {
    name: `居民${n}`,
    phone: phone(n),
    partySize: 1,
    consent: true,
  })

/** Every sign-up of an event, read as the district admin a page at a time (the API's page cap). */
async function storedRows(eventId: number, where = ''): Promise<{ code: string; phone: string }[]> {
  const rows: { code: string; phone: string }[] = []
  for (let page = 1; ; page += 1) {
    const { json } = await rest.call(
      'GET',
      `/api/registrations?where[event][equals]=${eventId}${where}&limit=100&page=${page}&depth=0&sort=id`,
      undefined,
      true,
    )
    rows.push(...(json.docs as { code: string; phone: string }[]))
    if (!json.hasNextPage) return rows
  }
}

async function storedCodes(eventId: number): Promise<Set<string>> {
  return new Set((await storedRows(eventId)).map((r) => r.code))
}

/** `npm run check` on the portal's database: exit code and what it printed. */
async function invariantCheck(dataDir: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'scripts/check.ts'],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 120_000 },
    )
    return { ok: true, output: stdout + stderr }
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string }
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

describe('a sign-up answered 201 is a sign-up stored', () => {
  it('while another process holds the write lock past the wait: every 201 is stored and counted, the rest are 503 with Retry-After', async () => {
    const eventId = await makeEvent(30)
    // Another process (a backup, a second server, a stuck script) takes SQLite's write lock.
    const other = createClient({ url: `file:${path.join(portal.dataDir, 'mulin.db')}` })
    await other.execute('BEGIN IMMEDIATE')
    const started = Date.now()
    const early = Array.from({ length: 25 }, (_, i) => signUp(eventId, 1_000 + i))
    // Longer than the wait for the early ones and longer than SQLite's old ten-second busy timeout.
    await sleep(9_500)
    const late = Array.from({ length: 25 }, (_, i) => signUp(eventId, 2_000 + i))
    await sleep(1_500)
    await other.execute('ROLLBACK')
    other.close()
    const answers = await Promise.all([...early, ...late])

    const statuses = answers.map((a) => a.status)
    expect(
      statuses.every((s) => s === 201 || s === 503),
      statuses.join(' '),
    ).toBe(true)
    const busy = answers.filter((a) => a.status === 503)
    const created = answers.filter((a) => a.status === 201)
    expect(busy.length, 'the sign-ups that waited past the limit were refused').toBe(25)
    expect(created.length, 'the sign-ups that arrived later went through once the lock was free').toBe(25)
    for (const refused of busy) {
      expect(refused.headers.get('retry-after')).toBeTruthy()
      expect(String(refused.json.message ?? JSON.stringify(refused.json))).toMatch(/busy|正忙/)
    }
    // Refused within the bound, not after SQLite's own busy timeout froze the process.
    expect(Date.now() - started).toBeLessThan(20_000)

    const stored = await storedCodes(eventId)
    for (const answer of created) expect(stored.has(answer.json.code as string)).toBe(true)
    expect(stored.size, 'nothing refused was stored').toBe(created.length)
    const event = await rest.call('GET', `/api/events/${eventId}?depth=0`, undefined, true)
    expect(event.json.seatsTaken).toBe(25)
    const check = await invariantCheck(portal.dataDir)
    expect(check.ok, check.output).toBe(true)
  }, 90_000)

  it('password resets racing sign-ups and staff saves: resets answer promptly and send their email, and nothing is lost', async () => {
    const eventId = await makeEvent(100)
    const logBefore = portal.log().length
    const reset = (email: string) =>
      rest
        .call('POST', '/api/users/forgot-password', { email })
        .then((answer) => ({ ...answer, at: Date.now() }))
    const started = Date.now()
    const [resets, signups, save] = await Promise.all([
      Promise.all(['siping@mulin.demo', 'yanji@mulin.demo', 'nobody@mulin.demo'].map(reset)),
      Promise.all(Array.from({ length: 20 }, (_, i) => signUp(eventId, 3_000 + i))),
      rest.call('PATCH', `/api/events/${eventId}`, { title: '故障测试：已改名' }, true),
    ])
    for (const answer of resets) {
      expect(answer.status, JSON.stringify(answer.json)).toBe(200)
      expect(answer.at - started).toBeLessThan(5_000)
    }
    expect(signups.every((s) => s.status === 201)).toBe(true)
    const stored = await storedCodes(eventId)
    for (const answer of signups) expect(stored.has(answer.json.code as string)).toBe(true)
    expect(save.status).toBe(200)
    const event = await rest.call('GET', `/api/events/${eventId}?depth=0`, undefined, true)
    expect(event.json.title).toBe('故障测试：已改名')
    expect(event.json.seatsTaken).toBe(20)
    // The two real accounts got their reset email (printed to the log without SMTP), the unknown
    // address none…
    const emails = portal.log().slice(logBefore).split('── email (not sent').length - 1
    expect(emails).toBe(2)
    // …with the link to set a new password, which a developer without a mail server can follow.
    expect(portal.log().slice(logBefore)).toMatch(/\/admin\/reset\/[0-9a-f]{20,}/)
  }, 60_000)

  it('the CMS killed in the middle of 200 sign-ups and restarted: every 201 is stored, the counts and the queue agree', async () => {
    const eventId = await makeEvent(60)
    // Found before the crowd: a crowd of 200 is answered faster than the look-up takes.
    const cms = portal.cmsPid()
    expect(cms, 'the CMS process listening on its port').toBeDefined()
    const created: string[] = []
    let answered = 0
    // 200 sign-ups from 50 clients at a time: the writer commits everything that waits at once,
    // so 200 fired together can all be answered in one commit before any kill lands; this way
    // most of the crowd is still to come, or in flight, when the CMS dies.
    const outcomes: Array<number | string> = []
    let next = 0
    const clients = Array.from({ length: 50 }, async () => {
      while (next < 200) {
        const n = next++
        outcomes.push(
          await signUp(eventId, 5_000 + n).then(
            (answer) => {
              answered += 1
              if (answer.status === 201) created.push(answer.json.code as string)
              return answer.status
            },
            () => 'connection lost',
          ),
        )
      }
    })
    while (answered < 40) await sleep(1)
    process.kill(cms!, 'SIGKILL')
    await Promise.all(clients)
    expect(
      outcomes.some((o) => o === 'connection lost'),
      'the kill landed mid-crowd',
    ).toBe(true)
    const confirmedBeforeTheKill = [...created]

    await portal.kill()
    portal = await startOwnPortal({
      dataDir: portal.dataDir,
      env: { DATABASE_LOCK_WAIT_MS: String(LOCK_WAIT_MS) },
    })
    rest = restClient(portal.cmsUrl)
    const stored = await storedCodes(eventId)
    for (const code of confirmedBeforeTheKill)
      expect(stored.has(code), `sign-up ${code} answered 201`).toBe(true)
    const check = await invariantCheck(portal.dataDir)
    expect(check.ok, check.output).toBe(true)
    // Queue places after the restart: 1, 2, 3 … in the order of the sign-ups, no gaps, no repeats.
    const waiting = await storedRows(eventId, '&where[status][equals]=waiting')
    const places: number[] = []
    for (const r of waiting.slice(0, 10)) {
      const lookup = await rest.call('POST', '/api/registrations/lookup', { code: r.code, phone: r.phone })
      places.push(lookup.json.position as number)
    }
    expect(places).toEqual(places.map((_, i) => i + 1))
  }, 300_000)
})
