/**
 * Finding 7: an upload kept the name it was given (a PNG with a script appended, named poly.html,
 * was served as /api/media/file/poly.html), and staff could set `uploadedBy` to someone else.
 */
import { describe, expect, inject, it } from 'vitest'

import { api, tokenFor } from '../e2e/rest'
import { cms, send } from './http'

// A 1×1 PNG, then an HTML payload after its end.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const POLYGLOT = Buffer.concat([PNG, Buffer.from('<html><script>alert(document.cookie)</script></html>')])

async function upload(name: string, data: Record<string, unknown>) {
  const form = new FormData()
  form.append('file', new Blob([POLYGLOT], { type: 'text/html' }), name)
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${inject('cmsUrl')}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${await tokenFor('centre-staff')}` },
    body: form,
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('uploads', () => {
  it('are stored under the extension of the type detected, never the one given', async () => {
    const { status, json } = await upload('poly.html', { alt: '多语言文件测试' })
    if (status >= 400) {
      expect(status).toBeLessThan(500)
      return
    }
    const doc = json.doc as { filename: string; url: string; mimeType: string }
    expect(doc.filename).toMatch(/\.png$/)
    expect(doc.mimeType).toBe('image/png')
    const served = await send(cms(`/api/media/file/${encodeURIComponent(doc.filename)}`))
    expect(served.headers['content-type']).toMatch(/^image\/png/)
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    const html = await send(cms('/api/media/file/poly.html'))
    expect(html.status).toBe(404)
  })

  it('record who uploaded them, whatever the client says', async () => {
    const district = await api(
      'district-admin',
      'GET',
      '/api/users?where[email][equals]=district@mulin.demo&depth=0',
    )
    const districtId = (district.json.docs as Array<{ id: number }>)[0]!.id
    const me = await api('centre-staff', 'GET', '/api/users/me')
    const myId = (me.json.user as { id: number }).id
    const { status, json } = await upload('photo.png', { alt: '上传人测试', uploadedBy: districtId })
    expect(status).toBe(201)
    const id = (json.doc as { id: number }).id
    const stored = await api('district-admin', 'GET', `/api/media/${id}?depth=0`)
    expect(stored.json.uploadedBy).toBe(myId)
    // Nor can it be changed afterwards.
    await api('centre-staff', 'PATCH', `/api/media/${id}`, { uploadedBy: districtId })
    const after = await api('district-admin', 'GET', `/api/media/${id}?depth=0`)
    expect(after.json.uploadedBy).toBe(myId)
  })
})
