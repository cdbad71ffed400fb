/**
 * Starts the whole portal the way a user does (scripts/start.ts), on a temporary data folder and
 * free ports, waits until it says it is ready, and stops it after the run.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/portal'

import type { TestProject } from 'vitest/node'

export const DEMO_PASSWORD = 'e2e-demo-password'
/** The shared portal's form rate limit per address (the tests of the limit count to it). */
export const E2E_FORM_RATE_LIMIT = 150

let portal: ChildProcess | undefined
let dataDir: string | undefined

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'mulin-e2e-'))
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(sitePort),
      CMS_PORT: String(cmsPort),
      DEMO_PASSWORD,
      // Every test shares one address (TRUSTED_PROXIES is unset: the socket's address counts), and
      // the site and the CMS count into one allowance (cms/rate-limit/); tests of the limit itself
      // connect from addresses of their own (127.0.0.x, tests/security/http.ts).
      FORM_RATE_LIMIT: String(E2E_FORM_RATE_LIMIT),
      // Every kept card is rendered again and compared (src/components/KeptEach.astro).
      MULIN_CHECK_KEPT_MARKUP: '1',
      DATABASE_URL: '',
      PAYLOAD_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  portal = child
  let log = ''
  const logFile = path.join(dataDir, 'portal.log')
  const logStream = createWriteStream(logFile, { flags: 'a' })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not become ready in time:\n${log}`)), 300_000)
    let ready = false
    const onData = (chunk: Buffer) => {
      // Everything the portal says, for tests that read its log (emails, log lines).
      logStream.write(chunk)
      if (ready) return
      // Kept only until ready: the portal logs every request of the whole run, and searching a
      // growing copy on every chunk would cost this process more and more.
      log += chunk.toString()
      if (log.includes('ready (production)')) {
        ready = true
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
  project.provide('siteUrl', `http://localhost:${sitePort}`)
  project.provide('cmsUrl', `http://localhost:${cmsPort}`)
  project.provide('demoPassword', DEMO_PASSWORD)
  project.provide('dataDir', dataDir)
  project.provide('portalLog', logFile)
}

export async function teardown(): Promise<void> {
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, 'SIGINT')
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    try {
      process.kill(-portal.pid, 'SIGKILL')
    } catch {
      // stopped cleanly
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    cmsUrl: string
    demoPassword: string
    /** The portal's data folder (its SQLite file is mulin.db there). */
    dataDir: string
    /** Everything the portal has printed so far. */
    portalLog: string
  }
}
