/**
 * The content version: one number in the database that grows whenever anything the public site
 * shows changes (a document published, edited or deleted; seats taken or given back). The site
 * keeps rendered pages in memory (scripts/lib/page-cache.ts) and drops them all when the number
 * moves, so every site process, on every machine, sees a change within a fraction of a second
 * by reading one row.
 *
 * Beside it, the documents version grows only when a document changes, not when seats, volunteer
 * places or claims do. On a busy sign-up day the content version moves many times a second; what
 * the site read of centres, conventions or case studies stays good until the documents version
 * moves (src/lib/content/memo.ts, the search index).
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

/**
 * The header the site puts on a page that read only documents (src/lib/content/memo.ts): the
 * render cache keeps such a page through sign-ups, until the documents version moves, and never
 * sends the header on.
 */
export const DOCUMENTS_ONLY_HEADER = 'x-mulin-documents-only'

/**
 * The header the site puts on a page in care mode that is otherwise public (not a preview, not a
 * resident's own page, not an error): the render cache keeps it under the care-mode key, and never
 * sends the header on. The world gets the page as `private`.
 */
export const CARE_VARIANT_HEADER = 'x-mulin-care-variant'

/** SQLite: a one-row table of the portal's own (migration 20261202_030000_content_version). */
export const CONTENT_VERSION_TABLE = 'mulin_content_version'
/** MongoDB: one document in a collection of the portal's own. */
const MONGO_COLLECTION = 'mulin_content_version'

/** A document changed: both numbers move. */
const DOCUMENTS_BUMP_SQL = `UPDATE ${CONTENT_VERSION_TABLE} SET version = version + 1, documents = documents + 1 WHERE id = 1`
/** Only seats, places or claims changed. */
const SEATS_BUMP_SQL = `UPDATE ${CONTENT_VERSION_TABLE} SET version = version + 1 WHERE id = 1`

/**
 * Collections whose rows are residents' own: sign-ups of one kind or another, and the ratings they
 * give afterwards. A change to them moves the seats, places, claims or ratings that pages show
 * (read apart, as live counts: src/lib/content/live-counts.ts, src/lib/feedback.ts), never a
 * document's own text; so a rating given does not drop the directory or the conventions.
 */
const SEATS_ONLY = new Set(['registrations', 'volunteers', 'project-claims', 'feedback'])

type SqlRunner = { run: (query: ReturnType<typeof sql>) => Promise<unknown> }
type SqliteAdapter = { drizzle: SqlRunner; sessions: Record<string, { db: SqlRunner } | undefined> }
type MongoAdapter = {
  connection: { db: { collection: (name: string) => MongoCollection } }
}
type MongoCollection = {
  updateOne: (filter: object, update: object, options?: object) => Promise<unknown>
  findOne: (filter: object) => Promise<{ version?: number } | null>
}

/**
 * Bumps the version on the request's own transaction (Payload hooks); the documents version too
 * unless only seats, places or claims changed.
 */
export async function bumpContentVersion(req: PayloadRequest, seatsOnly = false): Promise<void> {
  if (req.context?.seeding) return // nothing is cached while the demo district is loaded
  if (req.payload.db.name === 'mongoose') {
    const collection = (req.payload.db as unknown as MongoAdapter).connection.db.collection(MONGO_COLLECTION)
    const $inc = seatsOnly ? { version: 1 } : { version: 1, documents: 1 }
    await collection.updateOne({ _id: 'content' }, { $inc }, { upsert: true })
    return
  }
  const adapter = req.payload.db as unknown as SqliteAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const db = (transactionID !== undefined && adapter.sessions[String(transactionID)]?.db) || adapter.drizzle
  await db.run(sql.raw(seatsOnly ? SEATS_BUMP_SQL : DOCUMENTS_BUMP_SQL))
}

/** A sign-up's seats moved, inside its group-committed raw transaction (cms/seats/sqlite-signup.ts). */
export async function bumpContentVersionRaw(tx: RawTransaction): Promise<void> {
  await tx.execute(SEATS_BUMP_SQL)
}

const afterChange: CollectionAfterChangeHook = async ({ req, doc, collection }) => {
  await bumpContentVersion(req, SEATS_ONLY.has(collection.slug))
  return doc
}
const afterDelete: CollectionAfterDeleteHook = async ({ req, doc, collection }) => {
  await bumpContentVersion(req, SEATS_ONLY.has(collection.slug))
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
  /** The documents version, or null when it cannot be known. */
  readDocuments: () => number | null | Promise<number | null>
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
    const collection = client
      .db()
      .collection<{ _id: string; version?: number; documents?: number }>(MONGO_COLLECTION)
    const field = (name: 'version' | 'documents') => async () => {
      try {
        return (await collection.findOne({ _id: 'content' }))?.[name] ?? 0
      } catch {
        return null
      }
    }
    return {
      read: field('version'),
      readDocuments: field('documents'),
      close: () => client.close(),
    }
  }
  // libsql's own synchronous binding with a prepared statement: about 10 µs a read, so the site
  // can afford one for every request (the async client costs over 100 µs).
  const { default: Database } = await import('libsql')
  const db = new Database(settings.file, { readonly: true, fileMustExist: true })
  const statements: Partial<Record<'version' | 'documents', { get: () => unknown }>> = {}
  const column = (name: 'version' | 'documents') => () => {
    try {
      statements[name] ??= db.prepare(`SELECT ${name} AS value FROM ${CONTENT_VERSION_TABLE} WHERE id = 1`)
      const row = statements[name].get() as { value?: number } | undefined
      return row?.value === undefined || row.value === null ? null : Number(row.value)
    } catch {
      delete statements[name]
      return null // no such table or column yet (not migrated), or the file is unreadable: cache nothing
    }
  }
  return {
    read: column('version'),
    readDocuments: column('documents'),
    close: async () => {
      db.close()
    },
  }
}
