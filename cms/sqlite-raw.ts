/**
 * The writer's own connection for group-committed jobs (cms/sqlite-writer.ts): libsql's
 * synchronous binding with prepared statements kept, behind the same small `execute` that
 * @libsql/client offers.
 *
 * Why not @libsql/client here: every statement through it costs 40–140 µs of this process
 * (promises, result objects, a fresh prepare), and a resident's sign-up is a dozen statements
 * inside one serialised writer. Prepared once and run synchronously, a statement costs under
 * 10 µs, so the writer's time per sign-up falls to a fraction and a crowd's group commits turn
 * over faster (issue 11: p95 under 100 ms at 50 concurrent sign-ups).
 *
 * Synchronous is safe here: the statements are short, they run only while this process already
 * holds the write lock (BEGIN IMMEDIATE never waits inside SQLite: busy_timeout is 0), and the
 * writer yields to the event loop between turns.
 */
import Database from 'libsql'

export type SqlValue = string | number | bigint | null | Uint8Array
export type RawStatement = string | { sql: string; args?: SqlValue[] }
export type RawResult = { rows: Record<string, unknown>[]; rowsAffected: number }

/** Plain SQL on the writer's connection inside a transaction it holds. */
export type RawTransaction = { execute(statement: RawStatement): Promise<RawResult> }

/** Long statements (the large seed's multi-row INSERTs) are run once and not kept. */
const KEEP_SQL_SHORTER_THAN = 4_000
const KEEP_AT_MOST = 200

export type RawConnection = RawTransaction & {
  /** A statement that returns nothing (BEGIN, COMMIT, SAVEPOINT…), run at once. */
  run(sql: string): void
  close(): void
}

/** Opens `file` (a path, not a URL) with the writer's settings. */
export function openRawConnection(file: string): RawConnection {
  const db = new Database(file)
  // No waiting inside SQLite: the writer retries a busy lock without blocking the event loop.
  db.exec('PRAGMA busy_timeout = 0')
  // Each commit reaches the disk before it is reported (Payload's own setting for WAL).
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  // Each kept with whether it returns rows: asking the binding costs a native call every time.
  type Prepared = { statement: ReturnType<typeof db.prepare>; reader: boolean }
  const kept = new Map<string, Prepared>()

  function preparedFor(sql: string): Prepared {
    const known = kept.get(sql)
    if (known) return known
    const statement = db.prepare(sql)
    const prepared = { statement, reader: statement.reader }
    if (sql.length < KEEP_SQL_SHORTER_THAN) {
      if (kept.size >= KEEP_AT_MOST) kept.delete(kept.keys().next().value!)
      kept.set(sql, prepared)
    }
    return prepared
  }

  function executeNow(statement: RawStatement): RawResult {
    const { sql, args = [] } = typeof statement === 'string' ? { sql: statement } : statement
    const { statement: prepared, reader } = preparedFor(sql)
    if (reader) {
      const rows = prepared.all(args) as Record<string, unknown>[]
      return { rows, rowsAffected: rows.length }
    }
    return { rows: [], rowsAffected: prepared.run(args).changes }
  }

  return {
    execute: (statement) => {
      try {
        return Promise.resolve(executeNow(statement))
      } catch (error) {
        return Promise.reject(error)
      }
    },
    run: (sql) => db.exec(sql),
    close: () => db.close(),
  }
}
