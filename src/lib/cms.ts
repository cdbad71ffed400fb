/**
 * The site's only door to content: Payload's Local API, in process, no HTTP. Pages call the
 * functions here and never build queries themselves, so what the public may see is decided in one
 * place (the collections' access rules, applied with overrideAccess: false).
 */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import type { Centre } from '@cms/payload-types'
import { type PreviewGrant, verifyPreviewToken } from '@cms/preview'

let payloadPromise: Promise<Payload> | undefined

export function cms(): Promise<Payload> {
  payloadPromise ??= getPayload({ config })
  return payloadPromise
}

export type Locale = 'zh' | 'en'

export const PREVIEW_COOKIE = 'mulin_preview'

/** The preview a visitor was granted by a link from the admin, if it is still valid. */
export function previewGrant(token: string | undefined): PreviewGrant | null {
  return token ? verifyPreviewToken(token) : null
}

/** Published centres, in a stable order for the directory. */
export async function listCentres(locale: Locale = 'zh'): Promise<{ centres: Centre[]; total: number }> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'centres',
    locale,
    limit: 500,
    sort: 'slug',
    depth: 1,
    overrideAccess: false,
    draft: false,
  })
  return { centres: result.docs, total: result.totalDocs }
}

/**
 * One centre by its slug: the published version, or the latest draft when the visitor holds a
 * preview grant for exactly this centre.
 */
export async function getCentre(
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null = null,
): Promise<Centre | null> {
  const payload = await cms()
  const published = await payload.find({
    collection: 'centres',
    where: { slug: { equals: slug } },
    locale,
    limit: 1,
    depth: 1,
    overrideAccess: false,
    draft: false,
  })
  if (grant?.collection === 'centres') {
    const draft = await payload.findByID({
      collection: 'centres',
      id: grant.id,
      locale,
      depth: 1,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
    })
    if (draft && (draft.slug === slug || String(published.docs[0]?.id) === grant.id)) return draft
  }
  return published.docs[0] ?? null
}
