/**
 * The form rate limit counts in the database (cms/rate-limit/form-limiter.ts): two processes on
 * one database file share each address's allowance, a new window starts afresh, and windows that
 * ran out are cleaned away.
 */
import { spawn } from 'node:child_process'

import { beforeAll, describe, expect, it } from 'vitest'

const { FormLimiter } = await import('../../cms/rate-limit/form-limiter')
const { testPayload } = await import('../helpers/payload')

let payload: Awaited<ReturnType<typeof testPayload>>
beforeAll(async () => {
  payload = await testPayload()
})

/** Another Payload process on this test's database, making `attempts` attempts at once. */
function otherProcess(address: string, limit: number, attempts: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'tests/helpers/limiter-process.ts'],
      {
        env: { ...process.env, ADDRESS: address, LIMIT: String(limit), ATTEMPTS: String(attempts) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !last.startsWith('{'))
        reject(new Error(`the other process failed (${code}):\n${output}`))
      else resolve((JSON.parse(last) as { allowed: number }).allowed)
    })
  })
}

describe('the form rate limit across processes', () => {
  it('lets two processes on one database together allow an address only its limit', async () => {
    const limiter = new FormLimiter(8, 60_000)
    const address = '10.20.30.40'
    const attemptsHere = () =>
      Promise.all(Array.from({ length: 6 }, () => limiter.allow(payload, 'signup', address)))
    // Both at once: the other process starts up while this one counts, and counts in turn.
    const [there, here] = await Promise.all([otherProcess(address, 8, 6), attemptsHere()])
    const allowedHere = here.filter(Boolean).length
    expect(there + allowedHere).toBe(8)
    // Whichever counted last was refused; the next attempt from either is refused too, and told to wait.
    expect(await limiter.allow(payload, 'signup', address)).toBe(false)
    const wait = await limiter.retryAfter(payload, 'signup', address)
    // The window opened at the first attempt of either process (the other one takes a while to start).
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(60)
    // Another address and another form keep their own allowance.
    expect(await limiter.allow(payload, 'signup', '10.20.30.41')).toBe(true)
    expect(await limiter.allow(payload, 'cancel', address)).toBe(true)
  }, 90_000)

  it('starts a new window once the last has run out, and cleans the old rows away', async () => {
    let time = 1_000_000
    const limiter = new FormLimiter(2, 10_000, () => time)
    const allow = (address: string) => limiter.allow(payload, 'lookup', address)
    expect([await allow('10.0.0.1'), await allow('10.0.0.1'), await allow('10.0.0.1')]).toEqual([
      true,
      true,
      false,
    ])
    expect(await limiter.retryAfter(payload, 'lookup', '10.0.0.1')).toBe(10)
    await allow('10.0.0.2')
    time += 10_000
    expect(await allow('10.0.0.1')).toBe(true)
    // The sweep of that attempt removed 10.0.0.2's window, which had run out.
    const rows = await payload.find({
      collection: 'form-attempts',
      where: { attemptKey: { like: 'lookup ' } },
      overrideAccess: true,
      pagination: false,
    })
    expect(rows.docs.map((row) => row.attemptKey)).toEqual(['lookup 10.0.0.1'])
  })

  it('keeps the counts from everyone but the limiter (no reading them through access)', async () => {
    await expect(
      payload.find({ collection: 'form-attempts', overrideAccess: false, limit: 1 }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('a resident’s sign-up counted in its own commit (cms/seats/sqlite-signup.ts)', () => {
  it('counts refused sign-ups as attempts too, and past the limit refuses with 429, storing nothing', async () => {
    const { signUpOnline } = await import('../../cms/seats')
    const { makeCentre, makeEvent } = await import('../helpers/fixtures')
    const { formRateLimit } = await import('../../cms/settings')
    const centre = await makeCentre(payload)
    const event = await makeEvent(payload, centre.id, { capacity: 20 })
    const address = '10.9.8.7'
    const person = (n: number, overrides: Record<string, unknown> = {}) => ({
      name: '测试居民',
      phone: `1391111${String(n).padStart(4, '0')}`,
      partySize: 1,
      consent: true,
      ...overrides,
    })
    const statusOf = (attempt: Promise<unknown>) =>
      attempt.then(
        () => 201,
        (error: { status?: number }) => error.status ?? 500,
      )

    // Half the allowance on refusals (no consent), the rest on sign-ups that are stored.
    const refusals = Math.floor(formRateLimit.max / 2)
    for (let i = 0; i < refusals; i += 1)
      expect(await statusOf(signUpOnline(payload, event.id, person(i, { consent: false }), address))).toBe(
        400,
      )
    for (let i = refusals; i < formRateLimit.max; i += 1)
      expect(await statusOf(signUpOnline(payload, event.id, person(i), address))).toBe(201)
    // One more, however valid, is refused; another address still signs up.
    expect(await statusOf(signUpOnline(payload, event.id, person(99), address))).toBe(429)
    expect(await statusOf(signUpOnline(payload, event.id, person(98), '10.9.8.6'))).toBe(201)

    const stored = await payload.count({
      collection: 'registrations',
      where: { event: { equals: event.id } },
    })
    expect(stored.totalDocs).toBe(formRateLimit.max - refusals + 1)
    // Without an address (staff, the admin), nothing is counted.
    expect(await statusOf(signUpOnline(payload, event.id, person(97)))).toBe(201)
  })
})
