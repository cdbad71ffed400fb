/**
 * `npm run stress:signups`: starts the portal on a fresh embedded database (a temporary folder,
 * free ports, the form rate limit lifted because every client here shares one address), then
 * signs up through the public endpoint the way a crowd of kiosks and phones would, and prints:
 *
 *   1. 200 concurrent sign-ups for a 30-seat event with a waiting list
 *   2. 10 identical concurrent submissions
 *   3. 30 cancellations racing 50 new sign-ups on a full event with a waiting list
 *   4. sign-up latency and throughput at 50 concurrent clients (p50 / p95 / p99, sign-ups/s)
 *   5. the same on an event with 5,000 people already waiting
 *   6. the invariant check (npm run check) on what all of that left behind
 *
 * Exits non-zero when an invariant breaks (oversold seats, duplicates, server errors, order) or a
 * goal is missed (p95 under 100 ms, at least 300 sign-ups/s).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startPortal } from './lib/portal'

const DEMO_PASSWORD = 'stress-test-password'
let failures = 0

function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}`)
  if (!ok) failures += 1
}

type Json = Record<string, unknown>
let api = ''
let token = ''

async function call(method: string, route: string, body?: unknown, auth = false) {
  const started = performance.now()
  const response = await fetch(`${api}${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(auth ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as Json
  return { status: response.status, json, ms: performance.now() - started }
}

const phone = (n: number) => `139${String(n).padStart(8, '0')}`

async function makeEvent(centre: number, capacity: number, title: string): Promise<number> {
  const start = new Date(Date.now() + 7 * 24 * 3600e3)
  const { status, json } = await call(
    'POST',
    '/api/events',
    {
      title,
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
  if (status !== 201) throw new Error(`could not create an event: ${status} ${JSON.stringify(json)}`)
  return (json.doc as { id: number }).id
}

async function registrationsOf(eventId: number) {
  // The API serves at most a page at a time (cms/rules/page-size.ts): read every page.
  const rows: { id: number; code: string; phone: string; status: string; partySize: number }[] = []
  for (let page = 1; ; page += 1) {
    const { json } = await call(
      'GET',
      `/api/registrations?where[event][equals]=${eventId}&limit=100&page=${page}&depth=0&sort=id`,
      undefined,
      true,
    )
    rows.push(...(json.docs as typeof rows))
    if (!json.hasNextPage) return rows
  }
}

async function counters(eventId: number) {
  const { json } = await call('GET', `/api/events/${eventId}?depth=0`, undefined, true)
  return { seatsTaken: json.seatsTaken as number, waitingCount: json.waitingCount as number }
}

const signUp = (eventId: number, n: number) =>
  call('POST', `/api/events/${eventId}/register`, {
    name: `居民${n}`,
    phone: phone(n),
    partySize: 1,
    consent: true,
  })

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mulin-stress-'))
  console.log(`starting the portal on a fresh database in ${dataDir} …`)
  const portal = await startPortal({
    dataDir,
    env: { DEMO_PASSWORD, FORM_RATE_LIMIT: '1000000' },
    readyWithinMs: 600_000,
  })
  try {
    api = `http://localhost:${portal.cmsPort}`
    const login = await call('POST', '/api/users/login', {
      email: 'district@mulin.demo',
      password: DEMO_PASSWORD,
    })
    token = login.json.token as string
    const centres = await call('GET', '/api/centres?limit=1&depth=0')
    const centre = ((centres.json.docs as { id: number }[])[0] ?? { id: 0 }).id

    // 1. The crowd
    console.log('\n1. 200 concurrent sign-ups (party size 1) for a 30-seat event with a waiting list')
    const crowd = await makeEvent(centre, 30, '压力测试：抢名额')
    let t0 = performance.now()
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => signUp(crowd, 10_000 + i)))
    const elapsed = performance.now() - t0
    const statuses = (s: string) => results.filter((r) => r.json.status === s).length
    const serverErrors = results.filter((r) => r.status >= 500).length
    const rows = await registrationsOf(crowd)
    const confirmedRows = rows.filter((r) => r.status === 'confirmed')
    const count = await counters(crowd)
    console.log(
      `  answers: ${statuses('confirmed')} confirmed, ${statuses('waiting')} waiting, ${serverErrors} server errors, in ${(elapsed / 1000).toFixed(1)} s`,
    )
    check(confirmedRows.length === 30, `exactly 30 confirmed in the database (${confirmedRows.length})`)
    check(
      rows.filter((r) => r.status === 'waiting').length === 170,
      `170 waiting (${rows.filter((r) => r.status === 'waiting').length})`,
    )
    check(serverErrors === 0, `0 server errors (${serverErrors})`)
    check(
      count.seatsTaken === confirmedRows.reduce((n, r) => n + r.partySize, 0),
      `seat count ${count.seatsTaken} equals the confirmed party sizes`,
    )
    const positions = results.map((r) => r.json.position).filter((p): p is number => typeof p === 'number')
    check(new Set(positions).size === 170, `170 distinct waiting-list positions`)

    // 2. The double tap
    console.log('\n2. 10 identical concurrent submissions')
    const tap = await makeEvent(centre, 30, '压力测试：重复提交')
    const taps = await Promise.all(Array.from({ length: 10 }, () => signUp(tap, 77)))
    const tapRows = await registrationsOf(tap)
    console.log(
      `  answers: ${taps.filter((r) => r.status === 201).length} created, ${taps.filter((r) => r.status === 200).length} returned the first`,
    )
    check(tapRows.length === 1, `1 registration (${tapRows.length})`)
    check(new Set(taps.map((r) => r.json.code)).size === 1, 'every answer carries the same code')

    // 3. Cancellations racing new sign-ups
    console.log('\n3. 30 cancellations racing 50 new sign-ups (30 seats, 40 already waiting)')
    const race = await makeEvent(centre, 30, '压力测试：取消与报名')
    for (let i = 0; i < 70; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => signUp(race, 20_000 + i + j)))
    }
    const before = await registrationsOf(race)
    const seated = before.filter((r) => r.status === 'confirmed')
    const queue = before.filter((r) => r.status === 'waiting').map((r) => r.id)
    let highest = 0
    let racing = true
    const watcher = (async () => {
      while (racing) {
        highest = Math.max(highest, (await counters(race)).seatsTaken)
        await new Promise((resolve) => setTimeout(resolve, 15))
      }
    })()
    t0 = performance.now()
    const raced = await Promise.all([
      ...seated.map((r) => call('POST', '/api/registrations/cancel', { code: r.code, phone: r.phone })),
      ...Array.from({ length: 50 }, (_, i) => signUp(race, 30_000 + i)),
    ])
    racing = false
    await watcher
    const after = await registrationsOf(race)
    const nowConfirmed = after.filter((r) => r.status === 'confirmed')
    const promoted = nowConfirmed.filter((r) => queue.includes(r.id)).map((r) => r.id)
    const newcomersSeated = nowConfirmed.filter((r) => !queue.includes(r.id)).length
    console.log(
      `  ${raced.filter((r) => r.status < 300).length}/80 requests answered in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        `highest seat count seen during the race: ${highest}`,
    )
    check(
      raced.every((r) => r.status < 500),
      'no server errors',
    )
    check(
      highest <= 30 && nowConfirmed.length <= 30,
      `confirmed never above capacity (now ${nowConfirmed.length})`,
    )
    check(
      JSON.stringify(promoted) === JSON.stringify(queue.slice(0, promoted.length)) && promoted.length === 30,
      `the 30 freed seats went to the first 30 in the queue, in order (${promoted.length} promoted, ${newcomersSeated} newcomers seated)`,
    )
    const raceCount = await counters(race)
    check(
      raceCount.seatsTaken === nowConfirmed.length,
      `seat count ${raceCount.seatsTaken} equals the confirmed sign-ups`,
    )

    // 4. Latency, and 5. the same on an event with a long waiting list
    const crowdOf = async (eventId: number, total: number, first: number) => {
      const latencies: number[] = []
      let next = 0
      let errors = 0
      const started = performance.now()
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < total) {
            const n = next++
            const { ms, status } = await signUp(eventId, first + n)
            if (status >= 500) errors += 1
            latencies.push(ms)
          }
        }),
      )
      return { latencies, errors, perSecond: total / ((performance.now() - started) / 1000) }
    }
    const report = (label: string, run: Awaited<ReturnType<typeof crowdOf>>) => {
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(run.latencies, p).toFixed(0))
      console.log(
        `  ${label.padEnd(30)} p50 ${p50} ms · p95 ${p95} ms · p99 ${p99} ms · ` +
          `${run.perSecond.toFixed(0)} sign-ups/s · ${run.errors} server errors`,
      )
      check(run.errors === 0, `${label}: 0 server errors`)
      check(percentile(run.latencies, 95) < 100, `${label}: p95 under 100 ms`)
      check(run.perSecond >= 300, `${label}: at least 300 sign-ups/s`)
    }
    console.log('\n4. A sign-up at 50 concurrent clients (2,000 sign-ups, seats free)')
    const big = await makeEvent(centre, 100_000, '压力测试：延迟')
    await crowdOf(big, 200, 39_000) // warm-up: first requests compile routes and fill caches
    report('seats free', await crowdOf(big, 2_000, 40_000))

    console.log('\n5. The same on an event with 5,000 people already waiting (2,000 more join the queue)')
    const queued = await makeEvent(centre, 1, '压力测试：长候补')
    await crowdOf(queued, 5_001, 100_000)
    const queuedCount = await counters(queued)
    console.log(`  waiting before the measured crowd: ${queuedCount.waitingCount}`)
    report('5,000 waiting', await crowdOf(queued, 2_000, 200_000))

    console.log('\n6. npm run check on the database the crowds left behind')
    const checked = spawnSync(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'scripts/check.ts'],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' },
    )
    console.log(
      (checked.stdout + checked.stderr)
        .trim()
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    )
    check(checked.status === 0, 'every counter and queue agrees with the sign-ups')
  } finally {
    if (portal.child.pid) process.kill(-portal.child.pid, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(failures === 0 ? '\nall invariants held' : `\n${failures} invariant(s) broke`)
  process.exit(failures === 0 ? 0 : 1)
}

await main()
