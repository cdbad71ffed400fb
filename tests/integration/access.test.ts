import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { seed } from '../../cms/seed'
import { testPayload } from '../helpers/payload'

/** A few documents are enough here; seed-content.test.ts loads the whole demo. */
const SMALL_DISTRICT = path.resolve('tests/fixtures/content')

async function seeded() {
  const payload = await testPayload()
  await seed(payload, { contentDir: SMALL_DISTRICT, demoAccounts: true, demoPassword: 'test-password-123' })
  const staff = await payload.find({ collection: 'users', where: { email: { equals: 'siping@mulin.demo' } } })
  const centres = await payload.find({ collection: 'centres', limit: 100, depth: 0 })
  const own = centres.docs.find((c) => c.slug === 'siping-road')!
  const other = centres.docs.find((c) => c.slug === 'yanji-xincun')!
  return { payload, user: { ...staff.docs[0]!, collection: 'users' as const }, own, other }
}

describe('who may edit a centre', () => {
  it('lets centre staff edit their own centre', async () => {
    const { payload, user, own } = await seeded()
    const updated = await payload.update({
      collection: 'centres',
      id: own.id,
      data: { summary: '更新后的简介' },
      user,
      overrideAccess: false,
    })
    expect(updated.summary).toBe('更新后的简介')
  })

  it("refuses centre staff another centre's profile", async () => {
    const { payload, user, other } = await seeded()
    await expect(
      payload.update({
        collection: 'centres',
        id: other.id,
        data: { summary: 'x' },
        user,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })

  it('hides unpublished drafts from the public', async () => {
    const { payload } = await seeded()
    const draft = await payload.create({
      collection: 'centres',
      data: { name: '筹建中的中心', slug: 'draft-centre', _status: 'draft' },
      draft: true,
    })
    const publicView = await payload.find({ collection: 'centres', overrideAccess: false, limit: 100 })
    expect(publicView.docs.map((c) => c.id)).not.toContain(draft.id)
  })
})

describe('who may change an image', () => {
  it('lets staff correct the images they uploaded, and no one else’s', async () => {
    const { payload, user } = await seeded()
    const sharp = (await import('sharp')).default
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#a3341f' } })
      .png()
      .toBuffer()
    const upload = (name: string, by: typeof user | undefined) =>
      payload.create({
        collection: 'media',
        data: { alt: '活动照片' } as never,
        file: { data: png, mimetype: 'image/png', name, size: png.length },
        user: by,
        overrideAccess: !by,
      })
    const mine = await upload(`mine-${Date.now()}.png`, user)
    const districts = await upload(`district-${Date.now()}.png`, undefined)
    const edit = (id: number) =>
      payload.update({
        collection: 'media',
        id,
        data: { alt: '改过的说明' } as never,
        user,
        overrideAccess: false,
      })
    await expect(edit(mine.id)).resolves.toMatchObject({ alt: '改过的说明' })
    await expect(edit(districts.id)).rejects.toThrow()
  })
})
