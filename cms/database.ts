/**
 * The only module that knows which database runs. Everything else talks to Payload.
 */
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { type DatabaseSettings, database, migrationsDir, projectRoot } from './settings'
import { installWriter, READ_BUSY_TIMEOUT_MS, type WriterAdapter } from './sqlite-writer'

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
  return withWriter(
    sqliteAdapter({
      client: { url: settings.url },
      migrationDir: migrationsDir,
      // The schema changes only through committed migrations (npm run migrate:create), so no
      // start, in development or production, pushes changes or stops to ask about them.
      push: false,
      wal: true,
      busyTimeout: READ_BUSY_TIMEOUT_MS,
      transactionOptions: {},
    }),
  )
}

/** Every write of this process through one queued writer that reports what SQLite did (cms/sqlite-writer.ts). */
function withWriter(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      installWriter(adapter as unknown as WriterAdapter)
      return adapter
    },
  }
}
