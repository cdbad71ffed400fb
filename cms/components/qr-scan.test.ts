import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { codeFromScan, decodeQr } from './qr-scan'

/** Pixels of an SVG as a camera frame would give them: RGBA, the QR smaller than the frame. */
async function framePixels(svg: string, size = 220, frame = { width: 480, height: 360 }) {
  const qr = await sharp(Buffer.from(svg)).resize(size, size).png().toBuffer()
  const { data, info } = await sharp({
    create: { ...frame, channels: 3, background: { r: 235, g: 235, b: 228 } },
  })
    .composite([{ input: qr, left: 70, top: 60 }])
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { rgba: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), ...info }
}

describe('the door’s QR decoder', () => {
  it('reads the QR code the sign-up page draws (same library, same options) back to its code', async () => {
    // The options of src/components/SignupSummary.astro; the e2e (staff-admin) reads the page's own SVG.
    const svg = await QRCode.toString('K7M4QX', {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
      width: 200,
    })
    const { rgba, width, height } = await framePixels(svg)
    expect(decodeQr(rgba, width, height)).toBe('K7M4QX')
  })
  it('finds nothing in a frame without a QR code', async () => {
    const { rgba, width, height } = await framePixels(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    )
    expect(decodeQr(rgba, width, height)).toBeUndefined()
  })
  it('takes the code from a scanned sign-up address as well as the bare code', () => {
    expect(codeFromScan(' K7M4QX ')).toBe('K7M4QX')
    expect(codeFromScan('https://mulin.example.cn/signups/K7M4QX')).toBe('K7M4QX')
    expect(codeFromScan('https://mulin.example.cn/en/signups/K7M4QX?x=1')).toBe('K7M4QX')
  })
})
