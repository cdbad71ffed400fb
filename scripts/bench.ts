/**
 * npm run bench [-- --large] [--duration 5] [--warm-up 1] [--connections 25] [--only /events]
 *
 * How fast the public pages are, side by side with the same bytes served as static files by
 * nginx, in one run on one machine. It builds if needed, starts the portal on a fresh data folder
 * (the demo district; with --large, also 10,000 events and 100,000 sign-ups from
 * `npm run seed -- --large`), and for every public page type and feed measures, with autocannon at
 * 25 connections, after a warm-up that is not counted (a site process that has run for a while
 * has compiled its hot code; one just started and asked for a page for the first time has not):
 *
 * - nginx: the page's HTML, saved once, served from disk (Debian's nginx, one worker);
 * - cached: the portal's site as it runs in production (scripts/lib/page-cache.ts);
 * - uncached: a second site process on the same database with PAGE_CACHE=off, so every request
 *   renders.
 *
 * It prints one table and exits non-zero when a goal of issue 13 is missed. It is a measurement
 * to run on a quiet machine, not a test.
 */
import autocannon from 'autocannon'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { fail, say } from './lib/log'
import { NGINX, standaloneNginxConfig } from './lib/nginx'
import { freePort, startPortal } from './lib/portal'
import { siteProcessArgs } from './lib/site-process'

const { values: args } = parseArgs({
  options: {
    large: { type: 'boolean', default: false },
    duration: { type: 'string', default: '5' },
    'warm-up': { type: 'string', default: '1' },
    connections: { type: 'string', default: '25' },
    only: { type: 'string', multiple: true },
  },
})
const duration = Number(args.duration)
const warmUp = Number(args['warm-up'])
const connections = Number(args.connections)

const GOALS = {
  cachedShareOfNginx: 0.5,
  uncachedP50Ms: 30,
  uncachedP99Ms: 50,
  largeP95Ms: 100,
}

// 1. Build what is missing (as npm start would) and start the portal on a fresh folder.
const build = spawnSync(
  process.execPath,
  ['--conditions=production', '--import', 'tsx', 'scripts/build.ts', '--if-needed'],
  {
    stdio: 'inherit',
  },
)
if (build.status !== 0) fail('the build failed (see above)')

const dataDir = mkdtempSync(path.join(tmpdir(), 'mulin-bench-'))
say(`starting the portal on ${dataDir}…`)
const portal = await startPortal({ dataDir, env: { LOG_LEVEL: 'warn', FORM_RATE_LIMIT: '1000000' } })
const children: ChildProcess[] = []
let staticServer: Server | undefined
// A folder of its own that nginx's worker (nobody) may read; the data folder is the portal's alone.
const staticDir = mkdtempSync(path.join(tmpdir(), 'mulin-bench-static-'))
chmodSync(staticDir, 0o755)
const cleanUp = async () => {
  for (const child of children) child.kill('SIGTERM')
  staticServer?.close()
  await portal.kill()
  rmSync(dataDir, { recursive: true, force: true })
}
process.on('SIGINT', () => process.exit(130))
// Whatever ends this run (a goal missed, an error, Ctrl-C), nothing it started keeps running.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
  try {
    if (portal.child.pid) process.kill(-portal.child.pid, 'SIGKILL')
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(staticDir, { recursive: true, force: true })
})

if (args.large) {
  say('adding the large data set (npm run seed -- --large)…')
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts', '--large'],
    {
      stdio: 'inherit',
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', MULIN_ROOT: process.cwd() },
    },
  )
  if (seeded.status !== 0) {
    await cleanUp()
    fail('seeding the large data set failed (see above)')
  }
}

const site = `http://127.0.0.1:${portal.sitePort}`
const cms = `http://127.0.0.1:${portal.cmsPort}`

// 2. A second site process that renders every request.
const uncachedPort = await freePort()
const uncached = spawn(process.execPath, siteProcessArgs(), {
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    MULIN_ROOT: process.cwd(),
    MULIN_ROLE: 'site',
    PORT: String(uncachedPort),
    HOST: '127.0.0.1',
    PAGE_CACHE: 'off',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    PAYLOAD_SECRET: '',
  },
  stdio: 'ignore',
})
children.push(uncached)
const uncachedSite = `http://127.0.0.1:${uncachedPort}`
for (let tries = 0; ; tries++) {
  const ok = await fetch(`${uncachedSite}/health/ready`)
    .then((r) => r.ok)
    .catch(() => false)
  if (ok) break
  if (tries > 300) fail('the uncached site process did not start')
  await new Promise((resolve) => setTimeout(resolve, 200))
}

// 3. One page of every type, found through the public API.
async function first(collection: string, field: string, where = ''): Promise<string> {
  const response = await fetch(`${cms}/api/${collection}?limit=1&depth=0${where}`)
  const { docs } = (await response.json()) as { docs?: Array<Record<string, unknown>> }
  if (!docs?.[0]) throw new Error(`no ${collection} to measure (${response.status} from the API)`)
  return String(docs[0][field])
}
const centre = await first('centres', 'slug')
const event = await first(
  'events',
  'id',
  '&sort=start&where[start][greater_than]=' + new Date().toISOString(),
)
const convention = await first('conventions', 'slug')
const project = await first('projects', 'slug')
const caseStudy = await first('case-studies', 'slug')
const home = await (await fetch(`${site}/`)).text()
const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(home)?.[1]

const pages: Array<{ name: string; path: string }> = [
  { name: 'home', path: '/' },
  { name: 'home (English)', path: '/en/' },
  { name: 'centre directory', path: '/centres' },
  { name: 'centre', path: `/centres/${centre}` },
  { name: 'events', path: '/events' },
  { name: 'events, month', path: '/events?view=month' },
  { name: 'event', path: `/events/${event}` },
  { name: 'conventions', path: '/conventions' },
  { name: 'convention', path: `/conventions/${convention}` },
  { name: 'projects', path: '/projects' },
  { name: 'project', path: `/projects/${project}` },
  { name: 'case studies', path: '/case-studies' },
  { name: 'case study', path: `/case-studies/${caseStudy}` },
  { name: 'case study (English)', path: `/en/case-studies/${caseStudy}` },
  { name: 'stars', path: '/stars' },
  { name: 'figures', path: '/figures' },
  { name: 'search', path: `/search?q=${encodeURIComponent('太极')}` },
  { name: 'feed: RSS', path: '/rss.xml' },
  { name: 'feed: calendar', path: '/events.ics' },
  { name: 'sitemap index', path: '/sitemap.xml' },
  { name: 'sitemap: pages', path: '/sitemaps/pages.xml' },
  // This month's events, in Shanghai (UTC+8 all year): the biggest of the sitemaps.
  {
    name: 'sitemap: a month',
    path: `/sitemaps/events-${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)}.xml`,
  },
  ...(stylesheet ? [{ name: 'stylesheet', path: stylesheet }] : []),
].filter((page) => !args.only?.length || args.only.includes(page.path) || args.only.includes(page.name))

// 4. The same bytes as static files, for nginx (or, without nginx, a plain Node static server).
const EXTENSION: Record<string, string> = {
  'text/html': 'html',
  'application/xml': 'xml',
  'application/rss+xml': 'xml',
  'text/xml': 'xml',
  'text/calendar': 'ics',
  'text/css': 'css',
}
const staticFiles: string[] = []
for (const [index, page] of pages.entries()) {
  const response = await fetch(`${site}${page.path}`)
  if (!response.ok) fail(`${page.path} answered ${response.status}`)
  const type = (response.headers.get('content-type') ?? 'text/html').split(';')[0]!.trim()
  const file = `p${index}.${EXTENSION[type] ?? 'html'}`
  writeFileSync(path.join(staticDir, file), Buffer.from(await response.arrayBuffer()))
  staticFiles.push(file)
}

const staticPort = await freePort()
let staticLabel = 'nginx'
if (NGINX) {
  const nginxDir = path.join(dataDir, 'nginx')
  mkdirSync(nginxDir, { recursive: true })
  writeFileSync(
    path.join(nginxDir, 'nginx.conf'),
    standaloneNginxConfig({
      dir: nginxDir,
      workerConnections: 1024,
      http: `  types { text/calendar ics; }\n  server { listen 127.0.0.1:${staticPort}; root ${staticDir}; }`,
    }),
  )
  const nginx = spawn(NGINX, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], { stdio: 'ignore' })
  children.push(nginx)
} else {
  // Debian's nginx is the comparison the goals are set against; say plainly when it is not it.
  staticLabel = 'node static'
  say('nginx is not installed (apt-get install -y nginx): comparing with a plain Node static server instead')
  const { readFileSync } = await import('node:fs')
  const files = new Map(staticFiles.map((file) => [`/${file}`, readFileSync(path.join(staticDir, file))]))
  staticServer = createServer((req, res) => {
    const body = files.get(req.url ?? '')
    res.writeHead(body ? 200 : 404)
    res.end(body)
  }).listen(staticPort, '127.0.0.1')
}
for (let tries = 0; ; tries++) {
  const ok = await fetch(`http://127.0.0.1:${staticPort}/${staticFiles[0]}`)
    .then((r) => r.ok)
    .catch(() => false)
  if (ok) break
  if (tries > 100) fail('the static server did not start')
  await new Promise((resolve) => setTimeout(resolve, 100))
}

// 5. Measure.
type Figures = { rps: number; p50: number; p97: number; p99: number; errors: number }
async function measure(url: string): Promise<Figures> {
  if (warmUp > 0) await autocannon({ url, connections, duration: warmUp, timeout: 20 })
  const result = await autocannon({ url, connections, duration, timeout: 20 })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

say(`measuring ${pages.length} pages, ${connections} connections, ${duration} s each, three ways…`)
const rows: Array<{ page: (typeof pages)[number]; nginx: Figures; cached: Figures; uncached: Figures }> = []
for (const [index, page] of pages.entries()) {
  const nginx = await measure(`http://127.0.0.1:${staticPort}/${staticFiles[index]}`)
  const cached = await measure(`${site}${page.path}`)
  const uncachedFigures = await measure(`${uncachedSite}${page.path}`)
  rows.push({ page, nginx, cached, uncached: uncachedFigures })
  say(`  ${page.name}: done`)
}

// 6. The table, and the goals.
const pad = (text: string | number, width: number) => String(text).padStart(width)
const header = `${'page'.padEnd(22)}${pad(`${staticLabel} r/s`, 14)}${pad('cached r/s', 12)}${pad('ratio', 7)}${pad('p50', 6)}${pad('p99', 6)}${pad('uncached r/s', 14)}${pad('p50', 7)}${pad('p97.5', 7)}${pad('p99', 7)}${pad('errors', 8)}`
console.log(`\n${header}\n${'-'.repeat(header.length)}`)
const missed: string[] = []
for (const { page, nginx, cached, uncached: raw } of rows) {
  const ratio = nginx.rps > 0 ? cached.rps / nginx.rps : 0
  console.log(
    `${page.name.padEnd(22)}${pad(Math.round(nginx.rps), 14)}${pad(Math.round(cached.rps), 12)}${pad(`${Math.round(ratio * 100)}%`, 7)}${pad(cached.p50, 6)}${pad(cached.p99, 6)}${pad(Math.round(raw.rps), 14)}${pad(raw.p50, 7)}${pad(raw.p97, 7)}${pad(raw.p99, 7)}${pad(cached.errors + raw.errors, 8)}`,
  )
  if (ratio < GOALS.cachedShareOfNginx)
    missed.push(
      `${page.name}: cached ${Math.round(ratio * 100)}% of ${staticLabel}'s requests/s (goal ≥ ${GOALS.cachedShareOfNginx * 100}%)`,
    )
  if (cached.errors + raw.errors > 0) missed.push(`${page.name}: ${cached.errors + raw.errors} errors`)
  if (args.large) {
    if (raw.p97 >= GOALS.largeP95Ms)
      missed.push(
        `${page.name}: uncached p97.5 ${raw.p97} ms on the large data (goal p95 < ${GOALS.largeP95Ms} ms)`,
      )
  } else {
    if (raw.p50 >= GOALS.uncachedP50Ms)
      missed.push(`${page.name}: uncached p50 ${raw.p50} ms (goal < ${GOALS.uncachedP50Ms} ms)`)
    if (raw.p99 >= GOALS.uncachedP99Ms)
      missed.push(`${page.name}: uncached p99 ${raw.p99} ms (goal < ${GOALS.uncachedP99Ms} ms)`)
  }
}
console.log(
  `\nlatencies in ms at ${connections} connections, ${duration} s per measurement after ${warmUp} s not counted; ${staticLabel} with one worker; ` +
    `no compression asked for; ${args.large ? 'large data set' : 'demo data'}; cpus: ${(await import('node:os')).cpus().length}`,
)
await cleanUp()
if (missed.length > 0) {
  console.log(`\ngoals missed (${missed.length}):\n  ${missed.join('\n  ')}`)
  process.exit(1)
}
console.log('\nevery goal met')
