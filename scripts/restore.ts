/**
 * `npm run restore <archive>`: loads a backup (scripts/backup.ts) into an empty data directory
 * (DATA_DIR) or an empty MongoDB database (DATABASE_URL). It refuses anything not empty: a restore
 * never merges into, or overwrites, a live portal. `npm start` afterwards applies any migrations
 * newer than the backup.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { BSON, type Document, MongoClient } from 'mongodb'

import { database, dataDir, uploadsDir } from '../cms/settings'
import { type Manifest, tar } from './lib/archive'
import { fail, say } from './lib/log'

// Archives and restored databases hold residents' names and phone numbers: owner only.
process.umask(0o077)

const archive = process.argv[2]
if (!archive || !existsSync(archive)) fail('usage: npm run restore -- <path to mulin-backup-….tar.gz>')

async function restoreMongo(staging: string): Promise<void> {
  const client = new MongoClient(database.url, { serverSelectionTimeoutMS: 8_000 })
  try {
    await client.connect()
    const db = client.db()
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (!name.startsWith('system.') && (await db.collection(name).estimatedDocumentCount()) > 0) {
        throw new Error(
          `the database is not empty (collection ${name} has documents); restore into a new database`,
        )
      }
    }
    for (const file of readdirSync(path.join(staging, 'mongodb'))) {
      const lines = readFileSync(path.join(staging, 'mongodb', file), 'utf8')
        .split('\n')
        .filter(Boolean)
      const docs = lines.map((line) => BSON.EJSON.parse(line, { relaxed: false }) as Document)
      if (docs.length > 0)
        await db.collection(file.replace(/\.jsonl$/, '')).insertMany(docs, { ordered: false })
    }
  } finally {
    await client.close()
  }
}

const staging = mkdtempSync(path.join(tmpdir(), 'mulin-restore-'))
try {
  tar(['-xzf', archive as string, '-C', staging])
  const manifest = JSON.parse(readFileSync(path.join(staging, 'manifest.json'), 'utf8')) as Manifest
  if (manifest.database !== database.kind) {
    throw new Error(
      `the archive holds a ${manifest.database} database, but DATABASE_URL points at ${database.kind}`,
    )
  }
  if (existsSync(uploadsDir) && readdirSync(uploadsDir).length > 0) {
    throw new Error(`${uploadsDir} is not empty; restore into a new DATA_DIR`)
  }
  if (database.kind === 'sqlite') {
    if (existsSync(database.file))
      throw new Error(`${database.file} already exists; restore into a new DATA_DIR`)
    mkdirSync(path.dirname(database.file), { recursive: true })
    cpSync(path.join(staging, 'sqlite', 'mulin.db'), database.file)
  } else {
    await restoreMongo(staging)
  }
  if (existsSync(path.join(staging, 'uploads')))
    cpSync(path.join(staging, 'uploads'), uploadsDir, { recursive: true })
  say(
    `restored the backup of ${manifest.createdAt} (${manifest.database}) into ${database.kind === 'sqlite' ? dataDir : 'the database'}`,
  )
  say(
    `the backup's secret was: ${manifest.secret}. Without the same PAYLOAD_SECRET, staff simply log in again.`,
  )
} catch (error) {
  fail(`restore failed: ${(error as Error).message}`)
} finally {
  rmSync(staging, { recursive: true, force: true })
}
