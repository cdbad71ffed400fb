/**
 * The door check-in with the phone's camera (issue 14): a resident signs up, the sign-up page
 * draws the QR code, a volunteer at /admin/check-in opens the camera, and the code the camera
 * films is checked in through the same path as a typed one. Chromium's fake camera films the
 * very QR code the site drew.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { codeFromScan, decodeQr } from '../../cms/components/qr-scan'
import { launchBrowser, openPage } from './browser'
import { fakeCameraArgs, writeCameraVideo } from './fake-camera'
import { api, findOne, laterToday } from './rest'

const HOUR = 3_600_000
const cms = (address: string) => `${inject('cmsUrl')}${address}`
const site = (address: string) => `${inject('siteUrl')}${address}`
const folder = mkdtempSync(path.join(tmpdir(), 'mulin-camera-'))
let browser: Browser | undefined

afterAll(async () => {
  await browser?.close()
  rmSync(folder, { recursive: true, force: true })
})

let code: string
let qrSvg: string

beforeAll(async () => {
  const siping = (await findOne('centres', 'where[slug][equals]=siping-road')).id as number
  // Today's session in Shanghai: the door checks in only today's codes.
  const start = await laterToday(30 * 60_000)
  const created = await api('district-admin', 'POST', '/api/events', {
    title: `扫码签到${Date.now().toString(36)}`,
    centre: siping,
    category: 'culture',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * HOUR).toISOString(),
    capacity: 10,
    maxPartySize: 3,
    _status: 'published',
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const response = await fetch(cms(`/api/events/${(created.json.doc as { id: number }).id}/register`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '孙丽华', phone: '13912345688', partySize: 2, consent: true }),
  })
  const body = (await response.json()) as { code: string }
  expect(response.status, JSON.stringify(body)).toBe(201)
  code = body.code
  // The QR code exactly as the resident's sign-up page draws it.
  const page = await (await fetch(site(`/signups/${code}`))).text()
  qrSvg = /<svg[^>]*>[\s\S]*?<\/svg>/.exec(page.slice(page.indexOf(code)))?.[0] ?? ''
  expect(qrSvg).toContain('<path')
})

describe('check-in with the phone’s camera', () => {
  it('the door’s decoder reads the sign-up page’s QR code back to the code check-in takes', async () => {
    const { data, info } = await sharp(Buffer.from(qrSvg))
      .resize(240, 240)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const text = decodeQr(new Uint8ClampedArray(data), info.width, info.height)
    expect(text && codeFromScan(text)).toBe(code)
  })

  it('checks in the code the camera films, with its session and party', async () => {
    const video = path.join(folder, 'qr.y4m')
    await writeCameraVideo(Buffer.from(qrSvg), video)
    browser = await launchBrowser(fakeCameraArgs(video))
    const page = await openPage(browser)
    await page.goto(cms('/admin/login'))
    await page.locator('input[name="email"]').fill('siping@mulin.demo')
    await page.locator('input[name="password"]').fill(inject('demoPassword'))
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
    await page.goto(cms('/admin/check-in'))

    const scan = page.getByRole('button', { name: '用摄像头扫码' })
    await scan.click()
    await expect(page.getByRole('button', { name: '关闭摄像头' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    )
    const status = page.locator('.mulin-checkin [role=status]')
    await status.waitFor({ timeout: 20_000 })
    const answer = (await status.textContent()) ?? ''
    expect(answer).toContain(`${code} 签到成功：2 人`)
    expect(answer).toContain('孙*华')
    expect((await findOne('registrations', `where[code][equals]=${code}`)).status).toBe('attended')
    await page.close()
  })
})
