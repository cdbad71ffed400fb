import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { dataDir, resolveDatabase, resolveSecret, s3UploadsFrom, SettingsError } from '../../cms/settings'

describe('choosing the database from DATABASE_URL', () => {
  it('uses the embedded SQLite file data/mulin.db when DATABASE_URL is unset or empty', () => {
    for (const url of [undefined, '', '  ']) {
      const db = resolveDatabase(url)
      expect(db.kind).toBe('sqlite')
      expect(db.kind === 'sqlite' && db.file).toBe(path.join(dataDir, 'mulin.db'))
    }
  })

  it('uses MongoDB for mongodb:// and mongodb+srv:// addresses', () => {
    expect(resolveDatabase('mongodb://db.internal:27017/mulin')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db.internal:27017/mulin',
    })
    expect(resolveDatabase('mongodb+srv://user:pw@cluster.example/mulin').kind).toBe('mongodb')
  })

  it('accepts a SQLite file elsewhere with file:', () => {
    const db = resolveDatabase('file:/tmp/other.db')
    expect(db).toMatchObject({ kind: 'sqlite', file: '/tmp/other.db' })
  })

  it('refuses an address it does not understand instead of guessing, without echoing credentials', () => {
    expect(() => resolveDatabase('postgres://admin:secret@host/db')).toThrow(SettingsError)
    expect(() => resolveDatabase('postgres://admin:secret@host/db')).not.toThrow(/secret/)
  })
})

describe('the Payload secret', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('is generated once for the embedded database and kept under data/', () => {
    const first = resolveSecret({ kind: 'sqlite', url: 'file:x', file: 'x' })
    const second = resolveSecret({ kind: 'sqlite', url: 'file:x', file: 'x' })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    const file = path.join(dataDir, '.payload-secret')
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(first)
  })

  it('uses PAYLOAD_SECRET when it is given', () => {
    vi.stubEnv('PAYLOAD_SECRET', 'given-secret')
    expect(resolveSecret({ kind: 'mongodb', url: 'mongodb://x' })).toBe('given-secret')
  })

  it('is a clear startup error when missing in production on MongoDB', () => {
    vi.stubEnv('PAYLOAD_SECRET', '')
    expect(() => resolveSecret({ kind: 'mongodb', url: 'mongodb://x' }, true)).toThrow(
      /PAYLOAD_SECRET is not set/,
    )
    // Outside production a developer on MongoDB still gets a generated one.
    expect(resolveSecret({ kind: 'mongodb', url: 'mongodb://x' }, false)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('uploads on S3 (S3_BUCKET and friends)', () => {
  it('are off without S3_BUCKET', () => {
    expect(s3UploadsFrom({})).toBeUndefined()
    expect(s3UploadsFrom({ S3_BUCKET: '  ' })).toBeUndefined()
  })

  it('take the bucket, region, endpoint, path-style addressing and credentials', () => {
    expect(
      s3UploadsFrom({
        S3_BUCKET: 'mulin-uploads',
        S3_REGION: 'cn-east-2',
        S3_ENDPOINT: 'https://s3.example.cn',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'test-key',
        S3_SECRET_ACCESS_KEY: 'test-secret',
      }),
    ).toEqual({
      bucket: 'mulin-uploads',
      region: 'cn-east-2',
      endpoint: 'https://s3.example.cn',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' },
    })
  })

  it('refuse half a set of credentials', () => {
    expect(() => s3UploadsFrom({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/together/)
  })
})
