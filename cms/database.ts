/**
 * The only module that knows which database runs. Everything else talks to Payload.
 */
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { type DatabaseSettings, database, migrationsDir, projectRoot } from './settings'

/** How long a writer waits for another process's lock before giving up (site and CMS share the file). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

export function databaseAdapter(settings: DatabaseSettings = database): DatabaseAdapterObj {
  if (settings.kind === 'mongodb') {
    return mongooseAdapter({
      url: settings.url,
      // Fail within seconds when the server cannot be reached instead of retrying for 30 s.
      connectOptions: { serverSelectionTimeoutMS: 8_000 },
      // The SQL migrations do not apply to MongoDB, which needs no schema changes.
      migrationDir: path.join(projectRoot, 'cms', 'migrations-mongodb'),
    })
  }
  mkdirSync(path.dirname(settings.file), { recursive: true })
  return keepBusyTimeout(
    sqliteAdapter({
      client: { url: settings.url },
      migrationDir: migrationsDir,
      // The schema changes only through committed migrations (npm run migrate:create), so no
      // start, in development or production, pushes changes or stops to ask about them.
      push: false,
      wal: true,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      transactionOptions: {},
    }),
  )
}

type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: never) => Promise<unknown>
}

/**
 * libsql hands its connection to each transaction and opens a fresh one afterwards, which has
 * SQLite's default busy timeout of 0: a second process writing at that moment would fail at once
 * with SQLITE_BUSY. Re-apply the timeout to every connection that replaces a transaction's.
 */
function keepBusyTimeout(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const connect = adapter.connect
      if (!connect) return adapter
      serialiseTransactions(adapter)
      adapter.connect = async function (this: typeof adapter, options) {
        await connect.call(this, options)
        const client = (this as unknown as { client?: LibsqlClient }).client
        if (!client || (client as { busyTimeoutKept?: boolean }).busyTimeoutKept) return
        const beginTransaction = client.transaction.bind(client)
        client.transaction = async (mode?: never) => {
          const transaction = await beginTransaction(mode)
          await client.execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
          return transaction
        }
        ;(client as { busyTimeoutKept?: boolean }).busyTimeoutKept = true
      }
      return adapter
    },
  }
}

/** How long a write waits for this process's earlier writes before it is refused. */
export const TRANSACTION_QUEUE_TIMEOUT_MS = 30_000

type TransactionAdapter = {
  beginTransaction?: (options?: Record<string, unknown>) => Promise<number | string | null>
  commitTransaction?: (id: number | string | Promise<number | string>) => Promise<void>
  rollbackTransaction?: (id: number | string | Promise<number | string>) => Promise<void>
}

/**
 * One write transaction at a time in this process. libsql runs SQLite synchronously: a second
 * transaction begun while the first is open would wait for the lock inside the event loop that
 * the first needs to finish, and fail with SQLITE_BUSY (or stall for the busy timeout). Queued here
 * instead, concurrent sign-ups wait their turn in JavaScript, each in its own immediate transaction;
 * the other process (site or CMS) still waits on SQLite's lock with the busy timeout. Reads never
 * open a transaction, so they are not queued.
 */
function serialiseTransactions(adapter: TransactionAdapter): void {
  const { beginTransaction: begin, commitTransaction: commit, rollbackTransaction: rollback } = adapter
  if (!begin || !commit || !rollback) return
  let tail: Promise<void> = Promise.resolve()
  const releases = new Map<string, () => void>()

  adapter.beginTransaction = async function (this: unknown, options?: Record<string, unknown>) {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const waitFor = tail
    tail = tail.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('The database is busy with other writes; please try again.')),
        TRANSACTION_QUEUE_TIMEOUT_MS,
      )
    })
    try {
      await Promise.race([waitFor, timedOut])
    } catch (error) {
      // Give the turn on once it comes, so the queue behind this write keeps moving.
      void waitFor.then(release)
      throw error
    } finally {
      clearTimeout(timer)
    }
    try {
      const id = await begin.call(this, options)
      if (id === null || id === undefined) release()
      else releases.set(String(id), release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  const finishing = (finish: (id: number | string | Promise<number | string>) => Promise<void>) =>
    async function (this: unknown, id: number | string | Promise<number | string>) {
      const key = String(await id)
      try {
        await finish.call(this, key)
      } finally {
        releases.get(key)?.()
        releases.delete(key)
      }
    }
  adapter.commitTransaction = finishing(commit)
  adapter.rollbackTransaction = finishing(rollback)
}
