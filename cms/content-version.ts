/**
 * The content version: one number in the database that grows whenever anything the public site
 * shows changes (a document published, edited or deleted; seats taken or given back). The site
 * keeps rendered pages in memory (scripts/lib/page-cache.ts) and drops them all when the number
 * moves, so every site process, on every machine, sees a change within a fraction of a second
 * by reading one row.
 *
 * This module and the ledger are the database-aware parts of it: the CMS bumps the number inside
 * the change's own transaction (a change that rolls back bumps nothing), the site reads it.
 */
import { sql } from '@payloadcms/db-sqlite'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import type { DatabaseSettings } from './settings'
import type { RawTransaction } from './sqlite-writer'

/** SQLite: a one-row table of the portal's own (migration 20261202_030000_content_version). */
export const CONTENT_VERSION_TABLE = 'mulin_content_version'
/** MongoDB: one document in a collection of the portal's own. */
const MONGO_COLLECTION = 'mulin_content_version'

const BUMP_SQL = `UPDATE ${CONTENT_VERSION_TABLE} SET version = version + 1 WHERE id = 1`

type SqlRunner = { run: (query: ReturnType<typeof sql>) => Promise<unknown> }
type SqliteAdapter = { drizzle: SqlRunner; sessions: Record<string, { db: SqlRunner } | undefined> }
type MongoAdapter = {
  connection: { db: { collection: (name: string) => MongoCollection } }
}
type MongoCollection = {
  updateOne: (filter: object, update: object, options?: object) => Promise<unknown>
  findOne: (filter: object) => Promise<{ version?: number } | null>
}

/** Bumps the version on the request's own transaction (Payload hooks). */
export async function bumpContentVersion(req: PayloadRequest): Promise<void> {
  if (req.context?.seeding) return // nothing is cached while the demo district is loaded
  if (req.payload.db.name === 'mongoose') {
    const collection = (req.payload.db as unknown as MongoAdapter).connection.db.collection(MONGO_COLLECTION)
    await collection.updateOne({ _id: 'content' }, { $inc: { version: 1 } }, { upsert: true })
    return
  }
  const adapter = req.payload.db as unknown as SqliteAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const db = (transactionID !== undefined && adapter.sessions[String(transactionID)]?.db) || adapter.drizzle
  await db.run(sql.raw(BUMP_SQL))
}

/** Bumps the version inside a group-committed raw transaction (cms/seats/sqlite-signup.ts). */
export async function bumpContentVersionRaw(tx: RawTransaction): Promise<void> {
  await tx.execute(BUMP_SQL)
}

const afterChange: CollectionAfterChangeHook = async ({ req, doc }) => {
  await bumpContentVersion(req)
  return doc
}
const afterDelete: CollectionAfterDeleteHook = async ({ req, doc }) => {
  await bumpContentVersion(req)
  return doc
}
const afterGlobalChange: GlobalAfterChangeHook = async ({ req, doc }) => {
  await bumpContentVersion(req)
  return doc
}

/** Collections whose changes no public page shows (the outbox changes every few seconds while sending). */
const NOT_PUBLIC = new Set(['users', 'visit-requests', 'payload-jobs', 'messages'])

/** Adds the bump to a collection's hooks (payload.config.ts applies it to every collection). */
export function withContentVersion(collection: CollectionConfig): CollectionConfig {
  if (NOT_PUBLIC.has(collection.slug)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
    },
  }
}

export function globalWithContentVersion(global: GlobalConfig): GlobalConfig {
  const hooks = global.hooks ?? {}
  return { ...global, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), afterGlobalChange] } }
}

export type ContentVersionReader = {
  /** The current version, or null when it cannot be known (then nothing may be cached). */
  read: () => number | null | Promise<number | null>
  close: () => Promise<void>
}

/**
 * A cheap reader of the version for a process that does not run Payload's writes (the site's page
 * cache): its own read-only connection, one indexed row per read.
 */
export async function openContentVersionReader(settings: DatabaseSettings): Promise<ContentVersionReader> {
  if (settings.kind === 'mongodb') {
    const { MongoClient } = await import('mongodb')
    const client = new MongoClient(settings.url, { serverSelectionTimeoutMS: 2_000 })
    const collection = client.db().collection<{ _id: string; version?: number }>(MONGO_COLLECTION)
    return {
      read: async () => {
        try {
          return (await collection.findOne({ _id: 'content' }))?.version ?? 0
        } catch {
          return null
        }
      },
      close: () => client.close(),
    }
  }
  // libsql's own synchronous binding with a prepared statement: about 10 µs a read, so the site
  // can afford one for every request (the async client costs over 100 µs).
  const { default: Database } = await import('libsql')
  const db = new Database(settings.file, { readonly: true, fileMustExist: true })
  let statement: { get: () => unknown } | undefined
  return {
    read: () => {
      try {
        statement ??= db.prepare(`SELECT version FROM ${CONTENT_VERSION_TABLE} WHERE id = 1`)
        const row = statement.get() as { version?: number } | undefined
        return row?.version === undefined ? null : Number(row.version)
      } catch {
        statement = undefined
        return null // no such table yet (not migrated) or the file is unreadable: cache nothing
      }
    },
    close: async () => {
      db.close()
    },
  }
}
