/**
 * `npm run backup [-- --out DIR]`: one dated archive (scripts/lib/archive.ts) of the database and
 * the uploads, taken while the portal keeps serving. Written to BACKUP_DIR (default `backups/`).
 * SQLite: VACUUM INTO copies one consistent snapshot (a read transaction: sign-ups carry on, and
 * none is half in it). MongoDB: every collection through the driver, each read as it stands
 * (without a replica-set snapshot a write during the copy may land in one collection and not in
 * another; run it at a quiet hour, or use Atlas's snapshots as well).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { BSON, MongoClient } from 'mongodb'

import { database, dataDir, projectRoot, uploadsDir } from '../cms/settings'
import { archiveName, type Manifest, tar } from './lib/archive'
import { fail, say } from './lib/log'

// Archives and restored databases hold residents' names and phone numbers: owner only.
process.umask(0o077)

const args = process.argv.slice(2)
const outArg = args.indexOf('--out')
const outDir = path.resolve(
  projectRoot,
  outArg === -1 ? (process.env.BACKUP_DIR ?? 'backups') : (args[outArg + 1] ?? ''),
)

async function copySqlite(staging: string): Promise<Pick<Manifest, 'migrations'>> {
  if (database.kind !== 'sqlite') throw new Error('not SQLite')
  if (!existsSync(database.file)) throw new Error(`there is no database at ${database.file}`)
  mkdirSync(path.join(staging, 'sqlite'))
  const client = createClient({ url: database.url })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [path.join(staging, 'sqlite', 'mulin.db')] })
    const applied = await client.execute('SELECT name FROM payload_migrations ORDER BY id')
    return { migrations: applied.rows.map((row) => String(row.name)) }
  } finally {
    client.close()
  }
}

async function copyMongo(staging: string): Promise<Pick<Manifest, 'migrations' | 'collections'>> {
  const client = new MongoClient(database.url, { serverSelectionTimeoutMS: 8_000 })
  const collections: Record<string, number> = {}
  try {
    await client.connect()
    const db = client.db()
    mkdirSync(path.join(staging, 'mongodb'))
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (name.startsWith('system.')) continue
      const lines: string[] = []
      for await (const doc of db.collection(name).find())
        lines.push(BSON.EJSON.stringify(doc, { relaxed: false }))
      writeFileSync(path.join(staging, 'mongodb', `${name}.jsonl`), lines.join('\n'))
      collections[name] = lines.length
    }
    return { migrations: [], collections }
  } finally {
    await client.close()
  }
}

function secretNote(): Manifest['secret'] {
  if (process.env.PAYLOAD_SECRET) return 'PAYLOAD_SECRET set in the environment'
  if (existsSync(path.join(dataDir, '.payload-secret')))
    return 'generated file .payload-secret (not archived)'
  return 'none found'
}

const started = Date.now()
const staging = mkdtempSync(path.join(tmpdir(), 'mulin-backup-'))
try {
  const copied = database.kind === 'sqlite' ? await copySqlite(staging) : await copyMongo(staging)
  if (existsSync(uploadsDir)) cpSync(uploadsDir, path.join(staging, 'uploads'), { recursive: true })
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: database.kind,
    ...copied,
    secret: secretNote(),
  }
  writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  mkdirSync(outDir, { recursive: true })
  const archive = path.join(outDir, archiveName())
  // Written under a temporary name and renamed, so a scheduled copy never picks up half an archive.
  tar(['-czf', `${archive}.partial`, '-C', staging, '.'])
  tar(['-tzf', `${archive}.partial`]) // readable before it counts as a backup
  renameSync(`${archive}.partial`, archive)
  const size = (statSync(archive).size / 1024 / 1024).toFixed(1)
  say(`backup written: ${archive} (${size} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  say(`secret: ${manifest.secret}; keep PAYLOAD_SECRET safe separately`)
} catch (error) {
  fail(`backup failed: ${(error as Error).message}`)
} finally {
  rmSync(staging, { recursive: true, force: true })
}
