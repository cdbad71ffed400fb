/**
 * Everything the portal reads from the environment, resolved in one place so the CMS server,
 * the Astro site, the scripts and the tests agree on ports, paths, database and secret.
 *
 * Paths are built from the project root (found from the working directory or MULIN_ROOT), never
 * from import.meta.url: Astro and Next bundle this module into their own output folders.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { parseQuietHours } from './rules/messages'

export type DatabaseKind = 'sqlite' | 'mongodb'

export class SettingsError extends Error {
  override name = 'SettingsError'
}

function findProjectRoot(start: string): string {
  let dir = start
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mulin') {
          return dir
        }
      } catch {
        // an unreadable package.json is not ours; keep looking upwards
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return start
    dir = parent
  }
}

export const projectRoot = path.resolve(process.env.MULIN_ROOT ?? findProjectRoot(process.cwd()))

/** Where the embedded database, the generated secret and uploads live. */
export const dataDir = path.resolve(projectRoot, process.env.DATA_DIR ?? 'data')

export const isProduction = process.env.NODE_ENV === 'production'

function port(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new SettingsError(`${name} must be a port number between 1 and 65535, got "${raw}"`)
  }
  return value
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new SettingsError(`${name} must be a whole number of at least 1, got "${raw}"`)
  }
  return value
}

/**
 * Public forms and endpoints (sign-ups, cancellations, look-ups, volunteering, claims, visit
 * requests) accept this many submissions per client address and form in each window. A load test
 * on one machine lifts them (all its clients share one address).
 */
export const formRateLimit = {
  max: positiveInteger('FORM_RATE_LIMIT', 10),
  windowSeconds: positiveInteger('FORM_RATE_WINDOW_SECONDS', 600),
}

/**
 * Uploads on S3 or an S3-compatible store (MinIO, Aliyun OSS, Tencent COS) when S3_BUCKET is set,
 * so that every app server sees the same files; otherwise in DATA_DIR/uploads. Credentials not
 * given here come from the AWS SDK's usual places (environment, instance role).
 */
export type S3Uploads = {
  bucket: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export function s3UploadsFrom(env: Record<string, string | undefined>): S3Uploads | undefined {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return undefined
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new SettingsError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither)')
  }
  return {
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || undefined,
    // MinIO and most self-hosted stores address buckets by path, not by host name.
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  }
}

export const s3Uploads = s3UploadsFrom(process.env)

/** Names and phone numbers are anonymised this many days after the event or project ends. */
export const retentionDays = positiveInteger('PERSONAL_DATA_RETENTION_DAYS', 30)

/** No SMS in these hours (Shanghai time): MESSAGE_QUIET_HOURS, "21-8" by default, or "off". */
export const quietHours = (() => {
  const parsed = parseQuietHours(process.env.MESSAGE_QUIET_HOURS)
  if (parsed === undefined) {
    throw new SettingsError(
      `MESSAGE_QUIET_HOURS must be "from-until" in whole hours (e.g. 21-8) or "off", got "${process.env.MESSAGE_QUIET_HOURS}"`,
    )
  }
  return parsed
})()

/** The hour (Shanghai time, 0–23) from which the day-before reminders are sent. */
export const reminderHour = Math.min(23, Math.max(0, Number(process.env.MESSAGE_REMINDER_HOUR ?? 18) || 0))

export const sitePort = port('PORT', 4321)
export const cmsPort = port('CMS_PORT', 3000)
/** How many site processes `npm start` runs on the site's one port (scripts/servers/site-cluster.ts). */
export const siteProcesses = positiveInteger('SITE_PROCESSES', 1)
/**
 * How many page renders a site process runs at once (scripts/lib/render-queue.ts); more wait their
 * turn, first come first served. On SQLite a render is all CPU and this hardly matters; on MongoDB
 * renders wait on the network, and others run meanwhile.
 */
export const siteRenders = positiveInteger('SITE_RENDERS', 4)
/** How long a page may wait for its render's turn before it is answered 503 "try again". */
export const siteRenderWaitSeconds = positiveInteger('SITE_RENDER_WAIT_SECONDS', 30)

/** The public address of the CMS (admin, REST, preview links); overridable behind a proxy. */
export const cmsUrl = process.env.CMS_URL ?? `http://localhost:${cmsPort}`
/** The public address of the site, used for links from the admin to pages. */
export const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`

export type DatabaseSettings =
  { kind: 'sqlite'; url: string; file: string } | { kind: 'mongodb'; url: string }

/**
 * DATABASE_URL unset → the embedded SQLite file data/mulin.db; mongodb:// or mongodb+srv:// →
 * MongoDB; file: → a SQLite file elsewhere. Anything else is refused rather than guessed at.
 */
export function resolveDatabase(url = process.env.DATABASE_URL): DatabaseSettings {
  if (url === undefined || url.trim() === '') {
    const file = path.join(dataDir, 'mulin.db')
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (/^mongodb(\+srv)?:\/\//.test(url)) return { kind: 'mongodb', url }
  if (url.startsWith('file:')) {
    const file = path.resolve(projectRoot, url.slice('file:'.length))
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  throw new SettingsError(
    `DATABASE_URL must start with mongodb://, mongodb+srv:// or file: (or be unset for the embedded database); got "${url.split('://')[0]}://…"`,
  )
}

export const database = resolveDatabase()

const secretFile = path.join(dataDir, '.payload-secret')

/**
 * PAYLOAD_SECRET signs logins. On the embedded database a missing secret is generated once and
 * kept under data/, so a demo needs no set-up and logins survive restarts. A production MongoDB
 * deployment is shared by several servers, which must agree on the secret: there it must be given.
 */
export function resolveSecret(db: DatabaseSettings = database, production = isProduction): string {
  const given = process.env.PAYLOAD_SECRET
  if (given) return given
  if (db.kind === 'mongodb' && production) {
    throw new SettingsError(
      'PAYLOAD_SECRET is not set. A production deployment on MongoDB needs the same secret on every server: set PAYLOAD_SECRET to a long random string.',
    )
  }
  if (existsSync(secretFile)) return readFileSync(secretFile, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // 'wx' fails if another process created it first; then theirs wins and both agree.
  try {
    writeFileSync(secretFile, secret, { flag: 'wx', mode: 0o600 })
    return secret
  } catch {
    return readFileSync(secretFile, 'utf8').trim()
  }
}

export const uploadsDir = path.join(dataDir, 'uploads')
export const migrationsDir = path.join(projectRoot, 'cms', 'migrations')
export const contentDir = path.join(projectRoot, 'content')
