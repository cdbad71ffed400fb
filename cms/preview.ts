/**
 * Preview links from the admin to the page on the site. The link carries a signature made with
 * the Payload secret, so only someone who got it from the admin can see the unpublished draft,
 * and only of that one document, for a limited time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { resolveSecret, siteUrl } from './settings'

export const PREVIEWABLE = ['centres', 'events', 'conventions', 'projects', 'case-studies'] as const
export type Previewable = (typeof PREVIEWABLE)[number]

const LIFETIME_SECONDS = 60 * 60

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`preview:${payload}`).digest('base64url')
}

export type PreviewGrant = { collection: Previewable; id: string; expires: number }

export function createPreviewToken(
  collection: Previewable,
  id: number | string,
  now = Date.now(),
  secret = resolveSecret(),
): string {
  const payload = `${collection}.${id}.${Math.floor(now / 1000) + LIFETIME_SECONDS}`
  return `${payload}.${sign(payload, secret)}`
}

export function verifyPreviewToken(
  token: string,
  now = Date.now(),
  secret = resolveSecret(),
): PreviewGrant | null {
  const parts = token.split('.')
  if (parts.length !== 4) return null
  const [collection, id, expires, signature] = parts as [string, string, string, string]
  const expected = Buffer.from(sign(`${collection}.${id}.${expires}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  if (!(PREVIEWABLE as readonly string[]).includes(collection)) return null
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now) return null
  return { collection: collection as Previewable, id, expires: Number(expires) }
}

/** The site's address of a document, in the given language. */
export function pathOf(
  collection: Previewable,
  doc: { id?: unknown; slug?: unknown },
  locale = 'zh',
): string {
  const prefix = locale === 'en' ? '/en' : ''
  const key = collection === 'events' ? String(doc.id) : String(doc.slug ?? doc.id)
  return `${prefix}/${collection}/${encodeURIComponent(key)}`
}

export function previewUrl(
  collection: Previewable,
  doc: Record<string, unknown>,
  locale?: string,
): string | null {
  if (doc.id === undefined || doc.id === null) return null
  const token = createPreviewToken(collection, doc.id as string | number)
  const next = pathOf(collection, doc, locale)
  return `${siteUrl}/preview?token=${encodeURIComponent(token)}&next=${encodeURIComponent(next)}`
}
