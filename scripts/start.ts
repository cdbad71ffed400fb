/**
 * `npm start` (and `npm run dev` with --dev): one command that checks the settings, builds what is
 * missing, migrates and seeds the database, then runs the CMS and the site side by side until
 * Ctrl-C, which stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { buildAsNeeded } from './lib/build'
import { fail, say, type Source } from './lib/log'

const dev = process.argv.includes('--dev')

// Settings first: a wrong DATABASE_URL or a missing production secret is one clear sentence.
const settings = await import('../cms/settings').catch((error: Error) => fail(error.message))
const { cmsPort, cmsUrl, database, resolveSecret, siteUrl, sitePort } = settings
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

// In production both servers run behind scripts/serve.ts, which decides the client's address
// (TRUSTED_PROXIES), limits body sizes and sets the security headers. `npm run dev` has no front.
const children: Array<[Source, ChildProcess]> = [
  [
    'cms',
    dev
      ? run('node_modules/.bin/next', ['dev', 'cms', '--port', String(cmsPort)], { MULIN_ROLE: 'cms' })
      : run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'cms'], {
          MULIN_ROLE: 'cms',
          CMS_PORT: String(cmsPort),
        }),
  ],
  [
    'site',
    dev
      ? run(process.execPath, [
          ...conditions,
          'node_modules/astro/astro.js',
          'dev',
          '--port',
          String(sitePort),
        ])
      : run(process.execPath, [...conditions, '--import', 'tsx', 'scripts/serve.ts', 'site'], {
          PORT: String(sitePort),
          HOST: process.env.HOST ?? 'localhost',
        }),
  ],
]

let stopping = false
function stopAll(code: number): void {
  if (stopping) return
  stopping = true
  for (const [, child] of children) if (child.exitCode === null) child.kill('SIGTERM')
  // Give the servers a moment to close their database connections, then leave regardless.
  setTimeout(() => process.exit(code), 3_000).unref()
  Promise.all(
    children.map(([, child]) => (child.exitCode === null ? new Promise((r) => child.on('exit', r)) : null)),
  ).then(() => process.exit(code))
}

for (const [source, child] of children) {
  relay(child, source)
  child.on('exit', (code, signal) => {
    if (stopping) return
    say(`the ${source} server stopped (${signal ?? `exit ${code}`}); stopping the portal`, 'error')
    stopAll(code === 0 ? 1 : (code ?? 1))
  })
}

process.on('SIGINT', () => {
  say('stopping…')
  stopAll(0)
})
process.on('SIGTERM', () => stopAll(0))

/** A path relative to the project when it is inside it, otherwise as it is. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
    return response.status < 500
  } catch {
    return false
  }
}

// Announce the addresses once both really answer (the first request also warms Payload up).
const deadline = Date.now() + 180_000
while (!stopping && Date.now() < deadline) {
  const [siteUp, cmsUp] = await Promise.all([
    answers(`http://localhost:${sitePort}/`),
    answers(`http://localhost:${cmsPort}/api/centres?limit=1`),
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
