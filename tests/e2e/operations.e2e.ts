/**
 * What a district's IT team relies on, on a copy of the shared test portal made with
 * `npm run backup` and `npm run restore` while the original takes sign-ups: the copy serves the
 * same pages and sign-ups; health endpoints; request logs without personal data; the copy runs
 * two site processes behind deploy/nginx.conf with TRUSTED_PROXIES=1, as the production guide
 * says, and both show fresh seats and count each resident's address; a crashed CMS comes back
 * while the site serves; SIGTERM during 100 sign-ups loses none.
 */
import { execFileSync } from 'node:child_process'
import { get } from 'node:http'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  type Answer,
  archiveIn,
  login,
  type Portal,
  runScript,
  runScriptAsync,
  signUp,
  signupCodes,
  startPortal,
  tempDir,
} from './portal'
import { startNginx } from './nginx-proxy'

let copy: Portal
/** The copy's form attempts per address: above what the tests below send from 127.0.0.1. */
const COPY_FORM_LIMIT = 130
let token: string // the district admin's, on the original
let copyToken: string // and on the copy, whose secret differs (it is not in the backup)
const backups = tempDir('backups')

async function makeEvent(cmsUrl: string, title: string, capacity: number, jwt = token): Promise<number> {
  const start = new Date(Date.now() + 7 * 86_400_000)
  const response = await fetch(`${cmsUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${jwt}` },
    body: JSON.stringify({
      title: `${title}${Date.now()}`,
      centre: (await firstCentre(cmsUrl)).id,
      category: 'culture',
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      capacity,
      maxPartySize: 2,
      waitingList: true,
      _status: 'published',
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: number } }).doc.id
}

async function firstCentre(cmsUrl: string): Promise<{ id: number }> {
  const response = await fetch(`${cmsUrl}/api/centres?limit=1&depth=0`)
  return ((await response.json()) as { docs: Array<{ id: number }> }).docs[0]!
}

/** Runs `total` sign-ups, `parallel` at a time, calling `onAnswer` as each comes back. */
async function signUps(cmsUrl: string, eventId: number, from: number, total: number, parallel: number) {
  const answers: Answer[] = []
  let next = from
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < from + total) answers.push(await signUp(cmsUrl, eventId, next++))
    }),
  )
  return answers
}

/** A page as a visitor reads it: what differs between two servers (ports, asset hashes) removed. */
async function pageText(base: string, route: string): Promise<string> {
  const response = await fetch(`${base}${route}`)
  expect(response.status, route).toBe(200)
  return (await response.text())
    .replaceAll(base, '')
    .replace(/localhost:\d+/g, 'localhost')
    .replace(/nonce="[^"]*"/g, '') // per-response, should a Content-Security-Policy use one
}

const PUBLIC_PAGES = [
  '/',
  '/centres',
  '/events',
  '/projects',
  '/conventions',
  '/case-studies',
  '/figures',
  '/stars',
  '/en/',
]

beforeAll(async () => {
  token = await login(inject('cmsUrl'), inject('demoPassword'))
}, 30_000)

afterAll(async () => {
  await copy?.dispose()
})

describe('backup and restore while the portal serves', () => {
  it('backs up during sign-ups; the restored copy serves the same pages and keeps every sign-up the backup saw', async () => {
    const original = inject('cmsUrl')
    const eventId = await makeEvent(original, '备份演练', 30)
    const early = await signUps(original, eventId, 1, 20, 5)
    // The backup runs while 40 more sign-ups arrive.
    const [output, during] = await Promise.all([
      runScriptAsync('scripts/backup.ts', ['--out', backups], { DATA_DIR: inject('dataDir') }),
      signUps(original, eventId, 21, 40, 5),
    ])
    expect([...early, ...during].every((a) => a.status === 201)).toBe(true)
    const archive = archiveIn(output)
    expect(path.basename(archive)).toMatch(/^mulin-backup-\d{4}-\d\d-\d\dT\d{4}Z\.tar\.gz$/)

    const dataDir = tempDir('restored')
    expect(runScript('scripts/restore.ts', [archive], { DATA_DIR: dataDir })).toContain('restored the backup')
    // Restoring over existing data is refused.
    expect(() => runScript('scripts/restore.ts', [archive], { DATA_DIR: dataDir })).toThrow(/already exists/)
    // Started the way the production guide runs it: two site processes, behind one proxy.
    copy = await startPortal(dataDir, {
      FORM_RATE_LIMIT: String(COPY_FORM_LIMIT),
      SHUTDOWN_GRACE_SECONDS: '15',
      SITE_PROCESSES: '2',
      TRUSTED_PROXIES: '1',
    })
    copyToken = await login(copy.cmsUrl, inject('demoPassword'))

    const [before, after] = [await signupCodes(original, token), await signupCodes(copy.cmsUrl, copyToken)]
    // Every event's sign-ups are the same, except the one signed up to during the backup, which
    // has all those answered before the backup began and none the original does not have.
    for (const [event, codes] of before) {
      if (event === eventId) continue
      expect([...(after.get(event) ?? [])].sort(), `sign-ups of event ${event}`).toEqual([...codes].sort())
    }
    const restored = after.get(eventId) ?? new Set()
    for (const { code } of early) expect(restored.has(code!)).toBe(true)
    for (const code of restored) expect(before.get(eventId)?.has(code)).toBe(true)
    console.log(`backup saw ${restored.size} of the ${early.length + during.length} sign-ups made around it`)

    // Public pages that show neither that event nor sign-up figures are identical.
    for (const route of PUBLIC_PAGES) {
      const [a, b] = [await pageText(inject('siteUrl'), route), await pageText(copy.siteUrl, route)]
      if (['/', '/events', '/figures'].includes(route)) continue // that event's free seats, monthly attendance
      const at = [...a].findIndex((char, i) => char !== b[i])
      expect(b, `${route} differs at …${a.slice(at - 80, at + 80)}…`).toBe(a)
    }
  }, 240_000)
})

describe('health endpoints', () => {
  it('say live and ready on the site and the CMS, never cached', async () => {
    for (const url of [
      `${copy.siteUrl}/health/live`,
      `${copy.siteUrl}/health/ready`,
      `${copy.cmsUrl}/api/health/live`,
      `${copy.cmsUrl}/api/health/ready`,
    ]) {
      const response = await fetch(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('cache-control'), url).toBe('no-store')
      const body = (await response.json()) as {
        live?: boolean
        ready?: boolean
        pendingMigrations?: string[]
      }
      if (url.endsWith('ready'))
        expect(body).toMatchObject({ ready: true, database: 'up', pendingMigrations: [] })
      else expect(body.live).toBe(true)
    }
  })
})

/** The JSON objects the portal logged (each relayed line is `[cms]   {…}`). */
function logged(portal: Portal): Array<Record<string, unknown>> {
  return portal
    .output()
    .split('\n')
    .map((line) => line.slice(line.indexOf('{')))
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>
      } catch {
        return {}
      }
    })
}

describe('logs', () => {
  it('has one JSON line per request with its id, and no resident name or phone number anywhere', async () => {
    const eventId = await makeEvent(copy.cmsUrl, '日志检查', 5, copyToken)
    const [name, phone] = ['隐私测试居民', '13987654321']
    const api = await fetch(`${copy.cmsUrl}/api/events/${eventId}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-given-id-1' },
      body: JSON.stringify({ name, phone, partySize: 1, consent: true }),
    })
    expect(api.status).toBe(201)
    expect(api.headers.get('x-request-id')).toBe('proxy-given-id-1')
    const { code } = (await api.json()) as { code: string }
    // The same person on the site's form, a refused attempt (no consent), and a look-up.
    const form = (body: Record<string, string>) =>
      fetch(`${copy.siteUrl}/events/${eventId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: copy.siteUrl },
        body: new URLSearchParams(body),
        redirect: 'manual',
      })
    expect(
      (await form({ name: `${name}乙`, phone: '13987654322', partySize: '1', consent: 'on' })).status,
    ).toBeLessThan(400)
    expect((await form({ name: `${name}丙`, phone: '13987654323', partySize: '1' })).status).toBe(400)
    const page = await fetch(`${copy.siteUrl}/events/${eventId}`)
    const pageId = page.headers.get('x-request-id')
    expect(pageId).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((resolve) => setTimeout(resolve, 500)) // the last lines reach the pipe

    const lines = logged(copy)
    const line = lines.find((l) => l.requestId === pageId)
    expect(line).toMatchObject({ event: 'request', method: 'GET', route: `/events/${eventId}`, status: 200 })
    expect(typeof line?.durationMs).toBe('number')
    expect(String(line?.time)).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(lines.find((l) => l.requestId === 'proxy-given-id-1')).toMatchObject({ status: 201 })
    expect(lines.find((l) => l.event === 'signup' && l.code === code)).toMatchObject({ status: 'confirmed' })

    const output = copy.output()
    expect(output).not.toContain(name)
    expect(output).not.toMatch(/139876543\d\d/)
  })
})

/** A GET on a connection of its own, so that the kernel hands it to either site process. */
function freshGet(url: string): Promise<{ requestId: string; body: string }> {
  return new Promise((resolve, reject) =>
    get(url, { agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ requestId: String(res.headers['x-request-id']), body }))
    }).on('error', reject),
  )
}

describe('two site processes behind a trusted proxy (SITE_PROCESSES=2, TRUSTED_PROXIES=1)', () => {
  it('share the visitors, and both show a sign-up in the seats left within a second', async () => {
    const eventId = await makeEvent(copy.cmsUrl, '双进程', 5, copyToken)
    const page = `${copy.siteUrl}/events/${eventId}`
    const before = await Promise.all(Array.from({ length: 8 }, () => freshGet(page)))
    for (const { body } of before) expect(body).toContain('还剩 5 个名额')
    await new Promise((resolve) => setTimeout(resolve, 500)) // the request lines reach the pipe
    const ids = new Set(before.map((answer) => answer.requestId))
    const pids = new Set(
      logged(copy)
        .filter((line) => line.event === 'request' && ids.has(String(line.requestId)))
        .map((line) => line.pid),
    )
    expect(pids.size, 'site processes that answered').toBe(2)

    // Each process keeps its own render cache; the content version in the database tells both.
    expect((await signUp(copy.cmsUrl, eventId, 7_001)).status).toBe(201)
    const signedUpAt = Date.now()
    const after = await Promise.all(Array.from({ length: 8 }, () => freshGet(page)))
    for (const { body } of after) expect(body).toContain('还剩 4 个名额')
    expect(Date.now() - signedUpAt).toBeLessThan(1_000)
  })

  it('take the resident’s address from the proxy: forms through it work, and the limit counts each resident', async () => {
    const proxy = await startNginx(copy.siteUrl, copy.cmsUrl)
    try {
      const eventId = await makeEvent(copy.cmsUrl, '代理信任', 5, copyToken)
      // The site's own form: its origin check now sees the public https address.
      const form = await proxy.send(
        'POST',
        `/events/${eventId}`,
        {
          'content-type': 'application/x-www-form-urlencoded',
          origin: `https://localhost:${proxy.httpsPort}`,
        },
        new URLSearchParams({
          name: '代理表单',
          phone: '13955507001',
          partySize: '1',
          consent: 'on',
        }).toString(),
        '127.0.0.2',
      )
      expect(form.status, form.body.slice(0, 200)).toBe(303)

      // One resident (127.0.0.2) uses up the allowance; another (127.0.0.3) behind the same
      // proxy, and the same proxy's own address, are untouched.
      const attempt = (from: string) =>
        proxy.send(
          'POST',
          `/api/events/${eventId}/register`,
          { 'content-type': 'application/json' },
          JSON.stringify({ name: '', phone: '1', partySize: 1 }),
          from,
        )
      for (let i = 1; i < COPY_FORM_LIMIT; i++) expect((await attempt('127.0.0.2')).status).toBe(400)
      const limited = await attempt('127.0.0.2')
      expect(limited.status).toBe(429)
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
      expect((await attempt('127.0.0.3')).status).toBe(400)
      expect((await signUp(copy.cmsUrl, eventId, 7_002)).status).toBe(201)
    } finally {
      proxy.stop()
    }
  }, 60_000)
})

/** The pid of `npm start`'s child running the given server script. */
function childPid(portal: Portal, script: string): number {
  const rows = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(portal.process.pid)], {
    encoding: 'utf8',
  })
  const row = rows.split('\n').find((r) => r.includes(script))
  expect(row, `${script} among ${rows}`).toBeDefined()
  return Number(row!.trim().split(/\s+/)[0])
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < seconds * 1000) {
    if (await check().catch(() => false)) return (Date.now() - started) / 1000
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`not within ${seconds} s`)
}

describe('a crash is not an outage', () => {
  it('starts a killed CMS again while the site keeps serving', async () => {
    const cms = childPid(copy, 'scripts/servers/cms.ts')
    process.kill(cms, 'SIGKILL')
    await waitFor(
      () =>
        fetch(`${copy.cmsUrl}/api/health/live`).then(
          (r) => !r.ok,
          () => true,
        ),
      5,
    )
    expect((await fetch(`${copy.siteUrl}/centres`)).status).toBe(200)
    const back = await waitFor(async () => (await fetch(`${copy.cmsUrl}/api/health/ready`)).ok, 90)
    expect(copy.output()).toMatch(/the cms server stopped \(SIGKILL\); starting it again in 1 s/)
    console.log(`the CMS answered ready again ${back.toFixed(1)} s after it was killed`)
  }, 120_000)
})

describe('graceful stop', () => {
  it('loses no sign-up and answers no 5xx when SIGTERM arrives during 100 concurrent sign-ups', async () => {
    const eventId = await makeEvent(copy.cmsUrl, '停机演练', 40, copyToken)
    let answered = 0
    const all = Array.from({ length: 100 }, (_, i) =>
      signUp(copy.cmsUrl, eventId, 1_000 + i).then((answer) => {
        answered++
        return answer
      }),
    )
    await waitFor(async () => answered >= 5, 30)
    process.kill(copy.process.pid!, 'SIGTERM')
    const answers = await Promise.all(all)
    expect(await copy.exited).toBe(0)

    const created = answers.filter((a) => a.status === 201)
    const refused = answers.filter((a) => a.status === 0)
    const kinds = new Map<string, number>()
    for (const a of answers)
      kinds.set(a.error ?? String(a.status), (kinds.get(a.error ?? String(a.status)) ?? 0) + 1)
    console.log(`SIGTERM after 5 of 100 answers: ${JSON.stringify(Object.fromEntries(kinds))}`)
    // How the stop went, in the servers' own words (how many were in flight, whether the grace ran out).
    for (const line of logged(copy).filter((l) =>
      ['stopping', 'stop-timeout', 'stopped'].includes(String(l.event)),
    ))
      console.log(`  ${String(line.service)}: ${String(line.msg)}`)
    console.log(
      copy
        .output()
        .match(/.*(stopping|killed|SIGKILL).*\n/g)
        ?.join('') ?? '',
    )
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    // Each was either signed up (confirmed or waiting) or never reached a server that had stopped.
    expect(created.length + refused.length).toBe(100)
    expect(created.length).toBeGreaterThanOrEqual(5)

    const db = createClient({ url: `file:${path.join(copy.dataDir, 'mulin.db')}` })
    const stored = await db.execute({
      sql: 'SELECT code FROM registrations WHERE event_id = ?',
      args: [eventId],
    })
    db.close()
    const codes = new Set(stored.rows.map((row) => String(row.code)))
    for (const { code } of created) expect(codes.has(code!), `sign-up ${code} answered 201`).toBe(true)
    expect(copy.output()).toMatch(/database closed/)
  }, 120_000)
})
