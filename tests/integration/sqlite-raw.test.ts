/**
 * The writer's synchronous connection (cms/sqlite-raw.ts) answers the way the sign-up relies on:
 * rows from RETURNING, counts from guarded UPDATEs, SQLite's own messages for a clash (the code
 * draw retries on it) and a lock held elsewhere recognised as busy (the writer retries, then 503).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openRawConnection } from '../../cms/sqlite-raw'
import { isBusy } from '../../cms/sqlite-writer'

const folder = mkdtempSync(path.join(tmpdir(), 'mulin-raw-'))
const file = path.join(folder, 'raw.db')
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('the writer’s raw connection', () => {
  const db = openRawConnection(file)
  db.run('PRAGMA journal_mode = WAL')
  db.run('CREATE TABLE seats (id INTEGER PRIMARY KEY, code TEXT UNIQUE, taken INTEGER NOT NULL)')

  it('returns the rows of RETURNING and the count of a guarded UPDATE, with statements reused', async () => {
    for (const code of ['A1', 'B2']) {
      const { rows } = await db.execute({
        sql: 'INSERT INTO seats (code, taken) VALUES (?, 0) RETURNING id, code',
        args: [code],
      })
      expect(rows).toEqual([{ id: expect.any(Number), code }])
    }
    const guarded = { sql: 'UPDATE seats SET taken = taken + 1 WHERE code = ? AND taken < 1', args: ['A1'] }
    expect((await db.execute(guarded)).rowsAffected).toBe(1)
    expect((await db.execute(guarded)).rowsAffected).toBe(0) // the guard held: no second seat
    const { rows } = await db.execute('SELECT code, taken FROM seats ORDER BY id')
    expect(rows).toEqual([
      { code: 'A1', taken: 1 },
      { code: 'B2', taken: 0 },
    ])
  })

  it('rejects a clash with SQLite’s own message, and the connection goes on working', async () => {
    await expect(
      db.execute({ sql: 'INSERT INTO seats (code, taken) VALUES (?, 0) RETURNING id', args: ['A1'] }),
    ).rejects.toThrow(/UNIQUE constraint failed: seats\.code/)
    db.run('BEGIN IMMEDIATE')
    await db.execute({ sql: 'INSERT INTO seats (code, taken) VALUES (?, 0)', args: ['C3'] })
    db.run('COMMIT')
    expect((await db.execute('SELECT COUNT(*) AS n FROM seats')).rows[0]!.n).toBe(3)
  })

  it('is refused at once, as busy, while another connection holds the write lock', () => {
    const other = openRawConnection(file)
    other.run('BEGIN IMMEDIATE')
    try {
      let refusal: unknown
      const started = performance.now()
      try {
        db.run('BEGIN IMMEDIATE')
      } catch (error) {
        refusal = error
      }
      expect(isBusy(refusal)).toBe(true)
      expect(performance.now() - started).toBeLessThan(500) // no wait inside SQLite
    } finally {
      other.run('ROLLBACK')
      other.close()
    }
  })
})
