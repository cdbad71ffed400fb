import { describe, expect, it } from 'vitest'

import { detectImageType, storedName } from './upload-name'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]

describe('uploaded names', () => {
  it('detect the type from the content', () => {
    expect(detectImageType(Uint8Array.from(PNG))).toBe('image/png')
    expect(detectImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(
      detectImageType(Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')])),
    ).toBe('image/webp')
    expect(detectImageType(Buffer.from('<html><script>'))).toBeUndefined()
  })
  it('take the extension of the detected type', () => {
    expect(storedName('poly.html', 'image/png')).toBe('poly.png')
    expect(storedName('../../etc/passwd', 'image/jpeg')).toBe('passwd.jpg')
    expect(storedName('四平 中心.JPG', 'image/jpeg')).toBe('四平-中心.jpg')
    expect(storedName('.htaccess', 'image/webp')).toBe('image.webp')
    expect(storedName('a.php.png', 'image/png')).toBe('a-php.png')
  })
})
