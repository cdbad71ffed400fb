/**
 * A camera for Chromium that films one picture: the picture is written as a Y4M video (raw
 * frames, which Chromium's fake capture device reads and loops), and Chromium is told to use it
 * and to grant the camera without asking.
 */
import { writeFileSync } from 'node:fs'

import sharp from 'sharp'

const WIDTH = 640
const HEIGHT = 480

/** Writes `image` (an SVG or any picture sharp reads), centred on a pale table, as a Y4M file. */
export async function writeCameraVideo(image: Buffer, file: string, size = 300): Promise<void> {
  const picture = await sharp(image).resize(size, size).png().toBuffer()
  const { data, info } = await sharp({
    create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 236, g: 236, b: 228 } },
  })
    .composite([{ input: picture, left: (WIDTH - size) / 2, top: (HEIGHT - size) / 2 }])
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 1) throw new Error(`expected one grey channel, got ${info.channels}`)
  // 4:2:0 — the grey picture is the luma plane; neutral chroma (128) at a quarter size each.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), data, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]))
}

/** The Chromium switches that make `file` the camera, granted without a prompt. */
export function fakeCameraArgs(file: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ]
}
