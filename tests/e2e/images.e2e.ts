/**
 * Photos staff upload are served at the size a screen needs: the centre page offers Payload's
 * upload sizes as a srcset, with width and height and lazy loading, and every file answers.
 */
import type { Browser } from 'playwright'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { expectAccessible } from './audit'
import { launchBrowser, openPage } from './browser'
import { api, findOne, tokenFor } from './rest'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('a centre photo', () => {
  it('is offered in several sizes with its dimensions and alt text', async () => {
    const png = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#c8553d' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'hall.png')
    form.append('_payload', JSON.stringify({ alt: '多功能厅里正在上太极课' }))
    const upload = await fetch(`${inject('cmsUrl')}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${await tokenFor('district-admin')}` },
      body: form,
    })
    expect(upload.status).toBe(201)
    const media = ((await upload.json()) as { doc: { id: number } }).doc

    const centre = await findOne('centres', 'where[slug][equals]=yanji-xincun')
    const updated = await api('district-admin', 'PATCH', `/api/centres/${centre.id}`, {
      photos: [media.id],
      _status: 'published',
    })
    expect(updated.status).toBe(200)

    const page = await openPage(browser)
    await page.goto(`${inject('siteUrl')}/centres/yanji-xincun`)
    const img = page.locator('.photos img').first()
    await expect(img.getAttribute('alt')).resolves.toBe('多功能厅里正在上太极课')
    await expect(img.getAttribute('width')).resolves.toBe('1800')
    await expect(img.getAttribute('height')).resolves.toBe('1200')
    const srcset = (await img.getAttribute('srcset')) ?? ''
    const widths = srcset.split(',').map((candidate) => candidate.trim().split(' ')[1])
    // The cropped admin thumbnail (400×300) has another shape, so it is not offered.
    expect(widths).toEqual(['800w', '1600w', '1800w'])
    for (const candidate of srcset.split(',')) {
      const response = await fetch(candidate.trim().split(' ')[0]!)
      expect(response.status, candidate).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\//)
    }
    await expect(img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).resolves.toBe(
      true,
    )
    await expectAccessible(page)
    await page.close()
  })
})
