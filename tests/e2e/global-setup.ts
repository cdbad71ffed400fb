/**
 * Starts the whole portal the way a user does (scripts/start.ts), on a temporary data folder and
 * free ports, waits until it says it is ready, and stops it after the run.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

export const DEMO_PASSWORD = 'e2e-demo-password'

function freePort(): Promise<number> {
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
      // Every test shares one address; tests of the limit itself use their own (X-Forwarded-For).
      FORM_RATE_LIMIT: '60',
      DATABASE_URL: '',
      PAYLOAD_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  portal = child
  let log = ''
  const logFile = path.join(dataDir, 'portal.log')
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not become ready in time:\n${log}`)), 300_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      // Everything the portal says, for tests that read its log (emails, log lines).
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
