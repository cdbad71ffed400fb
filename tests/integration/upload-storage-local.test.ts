/**
 * Without S3_BUCKET uploads stay where they always were: files in DATA_DIR/uploads, served by the
 * CMS at /api/media/file/…, a missing one 404. upload-storage.test.ts is the S3 side.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import config from '../../cms/payload.config'
import { s3Uploads, uploadsDir } from '../../cms/settings'
import { testPayload } from '../helpers/payload'

const get = (pathname: string) =>
  handleEndpoints({ config, request: new Request(`http://localhost${pathname}`) })

describe('uploads without S3_BUCKET', () => {
  it('are files in DATA_DIR/uploads, served by the CMS', async () => {
    expect(s3Uploads).toBeUndefined()
    const payload = await testPayload()
    const png = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#3d7ac8' } })
      .png()
      .toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: '睦邻中心的院子' },
      file: { data: png, mimetype: 'image/png', name: 'garden.png', size: png.length },
      overrideAccess: true,
    })

    expect(readFileSync(path.join(uploadsDir, 'garden.png')).equals(png)).toBe(true)
    for (const size of Object.values(media.sizes ?? {})) {
      expect(existsSync(path.join(uploadsDir, size!.filename!)), size!.filename!).toBe(true)
    }
    expect(new URL(media.url!, 'http://localhost').pathname).toBe('/api/media/file/garden.png')

    const served = await get('/api/media/file/garden.png')
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
    expect((await get('/api/media/file/not-there.png')).status).toBe(404)
  })
})
