/**
 * Builds the CMS admin (Next), the site (Astro) and the site's server when their output is missing
 * or older than their sources, so `npm start` on a fresh clone or after a pull just works.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { say } from './log'

const root = process.cwd()
const SKIP = new Set(['node_modules', '.next', 'dist', '.astro', 'data', '.git'])

function fingerprint(entries: string[]): string {
  const hash = createHash('sha256')
  const walk = (relative: string) => {
    const full = path.join(root, relative)
    if (!existsSync(full)) return
    const stat = statSync(full)
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!SKIP.has(name)) walk(path.join(relative, name))
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`)
    }
  }
  entries.forEach(walk)
  // The site's public address is built into its list of trusted hosts (astro.config.mjs).
  hash.update(`SITE_URL=${process.env.SITE_URL ?? ''}`)
  return hash.digest('hex')
}

type Target = {
  name: 'cms' | 'site' | 'site-server'
  /** What the build is called in the messages of `npm start`. */
  label: string
  output: string
  stamp: string
  sources: string[]
  command: string[]
}

const shared = ['package-lock.json', 'tsconfig.json', 'cms']
export const targets: Target[] = [
  {
    name: 'cms',
    label: 'the CMS admin (Next.js)',
    output: 'cms/.next/BUILD_ID',
    stamp: 'cms/.next/mulin-build-stamp',
    sources: shared,
    command: ['node_modules/.bin/next', 'build', 'cms'],
  },
  {
    name: 'site',
    label: 'the site (Astro)',
    output: 'dist/server/entry.mjs',
    stamp: 'dist/mulin-build-stamp',
    sources: [...shared, 'src', 'public', 'astro.config.mjs'],
    command: ['node_modules/.bin/astro', 'build'],
  },
  {
    // The site's server as plain JavaScript, run by Node without tsx. Under tsx every import(),
    // even of a module long loaded, is a round trip to the loader's own thread, and Astro imports
    // modules on every request: about a fifth of a list page's CPU. The packages stay outside the
    // bundle, read from node_modules as before. After the site: Astro may empty dist/.
    name: 'site-server',
    label: "the site's server",
    output: 'dist/servers/site.mjs',
    stamp: 'dist/servers/mulin-build-stamp',
    sources: [...shared, 'scripts/servers', 'scripts/lib'],
    command: [
      'node_modules/.bin/esbuild',
      'scripts/servers/site.ts',
      'scripts/servers/site-cluster.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--outdir=dist/servers',
      '--out-extension:.js=.mjs',
      '--log-level=warning',
    ],
  },
]

export function isStale(target: Target): boolean {
  const stampFile = path.join(root, target.stamp)
  if (!existsSync(path.join(root, target.output)) || !existsSync(stampFile)) return true
  return readFileSync(stampFile, 'utf8') !== fingerprint(target.sources)
}

export function build(target: Target): void {
  const started = Date.now()
  say(`building ${target.label}…`)
  const [command, ...args] = target.command as [string, ...string[]]
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  })
  if (result.status !== 0)
    throw new Error(`${target.name} build failed (exit ${result.status ?? result.signal})`)
  // Taken after the build: Next rewrites files of its own in cms/ (next-env.d.ts) while building.
  writeFileSync(path.join(root, target.stamp), fingerprint(target.sources))
  say(`${target.name} built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

/** Builds what is missing or out of date; with `force`, everything. */
export function buildAsNeeded(force = false): void {
  for (const target of targets) {
    if (force || isStale(target)) build(target)
    else say(`${target.name} build is up to date`)
  }
}
