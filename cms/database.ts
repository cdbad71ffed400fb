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
