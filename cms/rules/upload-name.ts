/**
 * An uploaded image is stored under a name with the extension of the type found in its first
 * bytes, never the extension (or type) it was sent with: a PNG named `poly.html` is stored as
 * `poly.png` and served as an image. Content of any other type is refused.
 */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const

export type ImageType = keyof typeof IMAGE_TYPES

/** The image type of a file's first bytes, or undefined when it is none of IMAGE_TYPES. */
export function detectImageType(data: Uint8Array): ImageType | undefined {
  const starts = (bytes: number[], offset = 0) => bytes.every((byte, i) => data[offset + i] === byte)
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return undefined
}

/** The name to store: the given name's stem, tidied, with the detected type's extension. */
export function storedName(given: string, type: ImageType): string {
  const base = given.split(/[/\\]/).at(-1) ?? ''
  const stem = base
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${stem || 'image'}.${IMAGE_TYPES[type]}`
}

export const NOT_AN_IMAGE = {
  zh: '只能上传 JPEG、PNG 或 WebP 图片。',
  en: 'Only JPEG, PNG or WebP images can be uploaded.',
}
