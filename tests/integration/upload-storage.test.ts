/**
 * Uploads on S3 when S3_BUCKET is set (cms/upload-storage.ts), against a real S3-compatible server
 * (s3rver, on a free port of this machine): an image uploaded through Payload lands in the bucket
 * with its sizes and nothing in DATA_DIR/uploads, the CMS serves it from there at the same address
 * as a local file, deleting it empties the bucket, and a store that does not answer fails the
 * upload without leaving an image behind. upload-storage-local.test.ts is the other way round.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { handleEndpoints } from 'payload'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Nothing of the CMS is imported before beforeAll: its settings are read when its modules load.

const BUCKET = 'mulin-uploads'
// s3rver's own test credentials; it checks the signature made with them.
const KEY = 'S3RVER'

const s3Directory = mkdtempSync(path.join(tmpdir(), 'mulin-s3-'))
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: s3Directory,
  configureBuckets: [{ name: BUCKET, configs: [] }],
})
let s3Running = false
let bucket: S3Client
let payload: Payload
let uploadsDir: string

beforeAll(async () => {
  const { port } = await s3.run()
  s3Running = true
  const endpoint = `http://127.0.0.1:${port}`
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: KEY,
    S3_SECRET_ACCESS_KEY: KEY,
  })
  bucket = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: KEY, secretAccessKey: KEY },
  })
  // The settings are read when the CMS's modules load: only now, with S3_BUCKET set.
  payload = await (await import('../helpers/payload')).testPayload()
  uploadsDir = (await import('../../cms/settings')).uploadsDir
})

afterAll(async () => {
  bucket?.destroy()
  if (s3Running) await s3.close()
  rmSync(s3Directory, { recursive: true, force: true })
})

const photo = () =>
  sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#c8553d' } })
    .png()
    .toBuffer()

async function upload(name: string, data: Buffer) {
  return payload.create({
    collection: 'media',
    data: { alt: '多功能厅里正在上太极课' },
    file: { data, mimetype: 'image/png', name, size: data.length },
    overrideAccess: true,
  })
}

async function keysInBucket(): Promise<string[]> {
  const listed = await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return (listed.Contents ?? []).map((object) => object.Key!).sort()
}

/** The CMS's answer to a GET, through Payload's REST handler (what cms/app's route serves). */
async function get(pathname: string): Promise<Response> {
  const config = (await import('../../cms/payload.config')).default
  return handleEndpoints({ config, request: new Request(`http://localhost${pathname}`) })
}

describe('uploads with S3_BUCKET set', () => {
  it('go to the bucket with every size, and nothing to DATA_DIR/uploads', async () => {
    const png = await photo()
    const media = await upload('hall.png', png)

    const files = [media.filename, ...Object.values(media.sizes ?? {}).map((size) => size?.filename)]
    expect(files).toHaveLength(4) // the original, thumbnail, card and wide
    expect(await keysInBucket()).toEqual([...files].sort())
    const stored = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: media.filename! }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(png)).toBe(true)
    expect(stored.ContentType).toBe('image/png')

    const local = existsSync(uploadsDir) ? readdirSync(uploadsDir) : []
    expect(local).toEqual([])
  })

  it('are served by the CMS from the bucket, at the same address as a local file', async () => {
    const png = await photo()
    const media = await upload('courtyard.png', png)
    expect(new URL(media.url!, 'http://localhost').pathname).toBe('/api/media/file/courtyard.png')

    const original = await get('/api/media/file/courtyard.png')
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true)

    const card = await get(new URL(media.sizes!.card!.url!, 'http://localhost').pathname)
    expect(card.status).toBe(200)
    expect((await sharp(Buffer.from(await card.arrayBuffer())).metadata()).width).toBe(800)

    // A name the bucket does not have is 404, as it is for the local folder.
    expect((await get('/api/media/file/not-there.png')).status).toBe(404)
  })

  it('leave the bucket when the image is deleted', async () => {
    const media = await upload('to-delete.png', await photo())
    expect((await keysInBucket()).filter((key) => key.startsWith('to-delete'))).toHaveLength(4)
    await payload.delete({ collection: 'media', id: media.id, overrideAccess: true })
    expect((await keysInBucket()).filter((key) => key.startsWith('to-delete'))).toEqual([])
  })

  it('use the same schema as local uploads: the committed migrations fit', async () => {
    const { pendingSchemaChanges } = await import('../helpers/schema')
    expect(await pendingSchemaChanges(payload)).toEqual([])
  })

  it('fail, and keep no image without its file, when the store does not answer', async () => {
    const before = await payload.count({ collection: 'media', overrideAccess: true })
    await s3.close()
    s3Running = false
    await expect(upload('unreachable.png', await photo())).rejects.toThrow()
    const after = await payload.count({ collection: 'media', overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })
})
