/**
 * Portals of their own for the operations tests: a copy of the shared test portal made the way an
 * operator would (npm run backup, npm run restore), started with `npm start`'s script, its output
 * kept so tests can read the logs, and stopped or killed as the test needs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/portal'

export { freePort }
import { send } from '../security/http'

const node = (script: string, args: string[] = []) => [
  '--conditions=production',
  '--import',
  'tsx',
  script,
  ...args,
]

/** Runs an npm script's file (backup, restore) and returns what it said; throws on failure. */
export function runScript(script: string, args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, node(script, args), {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}):\n${output}`)
  return output
}

/** Same, without blocking the event loop (so requests can run while it does). */
export function runScriptAsync(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, node(script, args), {
      env: { ...process.env, DATABASE_URL: '', ...env },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} failed (${code}):\n${output}`)),
    )
  })
}

export const archiveIn = (output: string) => /backup written: (\S+\.tar\.gz)/.exec(output)?.[1] ?? ''

export type Portal = {
  siteUrl: string
  cmsUrl: string
  dataDir: string
  process: ChildProcess
  /** Everything the portal printed so far. */
  output: () => string
  /** Resolves with the exit code once `npm start`'s process has ended. */
  exited: Promise<number | null>
  /** Kills whatever is left and removes the data folder. */
  dispose: () => Promise<void>
}

export async function startPortal(dataDir: string, env: Record<string, string> = {}): Promise<Portal> {
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, node('scripts/start.ts'), {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(sitePort),
      CMS_PORT: String(cmsPort),
      DATABASE_URL: '',
      PAYLOAD_SECRET: '',
      // Every kept card is rendered again and compared (src/components/KeptEach.astro).
      MULIN_CHECK_KEPT_MARKUP: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (log.includes('ready (production)')) {
        clearInterval(poll)
        resolve()
      }
    }, 200)
    void exited.then((code) => {
      clearInterval(poll)
      reject(new Error(`portal exited (${code}) before it was ready:\n${log}`))
    })
  })
  return {
    siteUrl: `http://localhost:${sitePort}`,
    cmsUrl: `http://localhost:${cmsPort}`,
    dataDir,
    process: child,
    output: () => log,
    exited,
    dispose: async () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already stopped
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `mulin-${name}-`))

/** A district admin's token on a given portal. */
export async function login(cmsUrl: string, password: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'district@mulin.demo', password }),
  })
  if (!response.ok) throw new Error(`login failed: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

export type Answer = { status: number; code?: string; error?: string }

/** One resident's sign-up through the API, from an address of its own (the rate limit is per address). */
export async function signUp(
  cmsUrl: string,
  eventId: number,
  n: number,
  name = `压测居民${n}`,
): Promise<Answer> {
  try {
    // Each from a loopback address of its own (X-Forwarded-For is not trusted without a proxy), so
    // the form rate limit sees a crowd of residents rather than one address.
    const response = await send(`${cmsUrl}/api/events/${eventId}/register`, {
      method: 'POST',
      from: `127.77.${(n >> 8) & 255}.${((n & 255) % 250) + 2}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, phone: `139${String(n).padStart(8, '0')}`, partySize: 1, consent: true }),
    })
    return { status: response.status, code: response.json.code as string | undefined }
  } catch (error) {
    // Refused or reset connections: the server had stopped accepting (a client would retry).
    return {
      status: 0,
      error: ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message,
    }
  }
}

/** Every sign-up's code per event, read back as the district admin. */
export async function signupCodes(cmsUrl: string, token: string): Promise<Map<number, Set<string>>> {
  const response = await fetch(
    `${cmsUrl}/api/registrations?limit=100000&depth=0&select[code]=true&select[event]=true`,
    {
      headers: { authorization: `JWT ${token}` },
    },
  )
  if (!response.ok) throw new Error(`listing sign-ups failed: ${response.status}`)
  const { docs } = (await response.json()) as { docs: Array<{ code: string; event: number }> }
  const byEvent = new Map<number, Set<string>>()
  for (const doc of docs) {
    const codes = byEvent.get(doc.event) ?? new Set<string>()
    codes.add(doc.code)
    byEvent.set(doc.event, codes)
  }
  return byEvent
}
