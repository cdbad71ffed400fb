/**
 * `npm start` (and `npm run dev` with --dev): one command that checks the settings, builds what is
 * missing, migrates and seeds the database, then runs the CMS and the site side by side, starting
 * either again if it dies, until Ctrl-C or SIGTERM, which stops both gracefully.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { buildAsNeeded } from './lib/build'
import { fail, say, type Source } from './lib/log'
import { siteProcessArgs } from './lib/site-process'

const dev = process.argv.includes('--dev')

// Settings first: a wrong DATABASE_URL or a missing production secret is one clear sentence.
const settings = await import('../cms/settings').catch((error: Error) => fail(error.message))
const { cmsPort, cmsUrl, database, resolveSecret, siteProcesses, siteUrl, sitePort } = settings
try {
  resolveSecret()
} catch (error) {
  fail((error as Error).message)
}

if (database.kind === 'mongodb') {
  const { assertMongoReachable } = await import('./lib/mongo')
  say('checking that MongoDB answers…')
  await assertMongoReachable(database.url).catch((error: Error) => fail(error.message))
} else {
  say(`database: embedded SQLite at ${database.file}`)
}

const mode = dev ? 'development' : 'production'
// Lexical's packages load their dev or prod build through a top-level await, which Node 20's ESM
// loader sometimes never settles (the process exits with code 13, or a first request hangs).
// Naming the condition lets Node resolve the build file directly, with no top-level await.
const conditions = [`--conditions=${mode}`]
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: mode,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  // The servers must find the same data folder and secret whatever their working directory.
  MULIN_ROOT: process.cwd(),
}

if (!dev) {
  try {
    buildAsNeeded()
  } catch (error) {
    fail((error as Error).message)
  }
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
}

function relay(child: ChildProcess, source: Source): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim() !== '') say(line, source)
    })
  }
}

// Migrations and the first seed run before either server opens the database.
// Its output goes straight through: it already speaks in the portal's own voice.
const prepared = await new Promise<number | null>((resolve) => {
  const prepare = spawn(process.execPath, [...conditions, '--import', 'tsx', 'scripts/prepare-database.ts'], {
    env,
    stdio: 'inherit',
  })
  prepare.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
})
if (prepared !== 0) fail(`the database could not be prepared (exit ${prepared}; see above)`)

// In production each server runs behind the portal's own HTTP server (scripts/servers/): the front
// (scripts/lib/front.ts: client address, body limits, security headers), request logs, a request
// id, health endpoints that answer at once, a bounded graceful stop. `npm run dev` has none of it.
const launchers: Array<[Source, () => ChildProcess]> = [
  [
    'cms',
    () =>
      dev
        ? run('node_modules/.bin/next', ['dev', 'cms', '--port', String(cmsPort)], { MULIN_ROLE: 'cms' })
        : run(process.execPath, [...conditions, '--import', 'tsx', 'scripts/servers/cms.ts'], {
            MULIN_ROLE: 'cms',
            CMS_PORT: String(cmsPort),
          }),
  ],
  [
    'site',
    () =>
      dev
        ? run(process.execPath, [
            ...conditions,
            'node_modules/astro/astro.js',
            'dev',
            '--port',
            String(sitePort),
          ])
        : // SITE_PROCESSES above 1: a cluster of that many site processes on the one port.
          run(process.execPath, siteProcessArgs(siteProcesses), {
            MULIN_ROLE: 'site',
            PORT: String(sitePort),
            HOST: process.env.HOST ?? 'localhost',
          }),
  ],
]

/** Restarts after a crash wait 1 s, 2 s, 4 s… up to this; a server that ran a minute starts again at 1 s. */
const MAX_BACKOFF_MS = 30_000
const STABLE_MS = 60_000
const graceMs = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000

const children = new Map<Source, ChildProcess>()
let stopping = false

/**
 * A server that dies is started again, with backoff, while the other keeps serving: a crashed CMS
 * leaves the public site up (its pages read the database directly), and the reverse.
 */
function supervise(source: Source, launch: () => ChildProcess, failures = 0): void {
  const child = launch()
  const started = Date.now()
  children.set(source, child)
  relay(child, source)
  child.on('exit', (code, signal) => {
    if (stopping) return
    const streak = Date.now() - started > STABLE_MS ? 1 : failures + 1
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (streak - 1))
    say(
      `the ${source} server stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s (attempt ${streak})`,
      'error',
    )
    setTimeout(() => {
      if (!stopping) supervise(source, launch, streak)
    }, delay)
  })
}

function stopAll(code: number): void {
  if (stopping) return
  stopping = true
  const running = [...children.values()].filter(
    (child) => child.exitCode === null && child.signalCode === null,
  )
  for (const child of running) child.kill('SIGTERM')
  // Each server finishes its requests within the grace period, then closes its database; one
  // that is still there a few seconds later is stuck and is killed.
  setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
    process.exit(code)
  }, graceMs + 5_000).unref()
  Promise.all(running.map((child) => new Promise((r) => child.once('exit', r)))).then(() =>
    process.exit(code),
  )
}

for (const [source, launch] of launchers) supervise(source, launch)

process.on('SIGINT', () => {
  say('stopping…')
  stopAll(0)
})
process.on('SIGTERM', () => {
  say('stopping (SIGTERM)…')
  stopAll(0)
})

/** A path relative to the project when it is inside it, otherwise as it is. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative
}

/** Ready means the health endpoint says so: the database answers and is migrated (cms/health.ts). */
async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
    return response.ok
  } catch {
    return false
  }
}

// Announce the addresses once both are ready (the first request also warms Payload up).
const deadline = Date.now() + 180_000
while (!stopping && Date.now() < deadline) {
  const [siteUp, cmsUp] = await Promise.all([
    ready(`http://localhost:${sitePort}/health/ready`),
    ready(`http://localhost:${cmsPort}/api/health/ready`),
  ])
  if (siteUp && cmsUp) {
    say(`ready (${mode})`)
    say(`  site:  ${siteUrl}`)
    say(`  admin: ${cmsUrl}/admin   REST: ${cmsUrl}/api   GraphQL: ${cmsUrl}/api/graphql`)
    if (database.kind === 'sqlite') {
      const passwordFile = path.join(settings.dataDir, '.demo-password')
      const password = process.env.DEMO_PASSWORD
        ? 'DEMO_PASSWORD'
        : existsSync(passwordFile)
          ? `${readFileSync(passwordFile, 'utf8').trim()} (kept in ${shortPath(passwordFile)})`
          : 'the DEMO_PASSWORD the database was seeded with'
      say('  demo staff: district@mulin.demo, siping@mulin.demo, yanji@mulin.demo')
      say(`  password:   ${password}`)
    }
    say('  press Ctrl-C to stop')
    break
  }
  await new Promise((r) => setTimeout(r, 1_000))
}
