/**
 * A portal of a test's own: started the way a user starts it (scripts/start.ts) on a data folder
 * and free ports, for tests that hold its database, crash it or restart it, which the shared
 * portal of the end-to-end run must not suffer.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const PORTAL_PASSWORD = 'own-portal-password'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export type OwnPortal = {
  dataDir: string
  cmsUrl: string
  siteUrl: string
  /** Everything printed since this start. */
  log: () => string
  /** Stops the whole portal at once (SIGKILL to every process of it). */
  kill: () => Promise<void>
  /** The process that listens on the CMS's port, as the operating system sees it. */
  cmsPid: () => number | undefined
}

export async function startOwnPortal(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<OwnPortal> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'mulin-own-'))
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const logFile = path.join(dataDir, 'portal.log')
  let log = ''
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(sitePort),
        CMS_PORT: String(cmsPort),
        DEMO_PASSWORD: PORTAL_PASSWORD,
        FORM_RATE_LIMIT: '1000000',
        DATABASE_URL: '',
        PAYLOAD_SECRET: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not become ready:\n${log}`)), 240_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      appendFileSync(logFile, chunk)
      if (log.includes('ready (production)')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`portal exited (${code}) before it was ready:\n${log}`))
    })
  })
  return {
    dataDir,
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    log: () => log,
    cmsPid: () => {
      try {
        const out = execFileSync('ss', ['-ltnpH', `sport = :${cmsPort}`], { encoding: 'utf8' })
        const pid = /pid=(\d+)/.exec(out)?.[1]
        return pid ? Number(pid) : undefined
      } catch {
        return undefined
      }
    },
    kill: async () => {
      if (!child.pid) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    },
  }
}

/** A small REST client for one portal, logged in as the demo district admin when asked. */
export function restClient(cmsUrl: string, password = PORTAL_PASSWORD) {
  let token: string | undefined
  const call = async (method: string, route: string, body?: unknown, auth = false) => {
    if (auth && !token) {
      const login = await fetch(`${cmsUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'district@mulin.demo', password }),
      })
      token = ((await login.json()) as { token: string }).token
    }
    const response = await fetch(`${cmsUrl}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth && token ? { authorization: `JWT ${token}` } : {}),
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
    return { status: response.status, json, headers: response.headers }
  }
  return { call }
}
