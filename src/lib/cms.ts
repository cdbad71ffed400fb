/**
 * The site's only door to content: Payload's Local API, in process, no HTTP. The loaders in
 * `src/lib/content/` (one module per area: centres, events, civic content, feeds, search index,
 * figures, sign-ups, visits) read through here, and pages call the loaders, never build queries.
 * What the public may see is decided in one place: the collections' access rules, applied by
 * `publicFind` to every public read (`findPublished`, and `findDocuments` for loaders of documents).
 */
import config from '@payload-config'
import { getPayload, type Payload, type Where } from 'payload'

import { type PreviewGrant, verifyPreviewToken } from '@cms/preview'
import { keptUntilDocumentsChange, readsDatabase } from './content/memo'

let payloadPromise: Promise<Payload> | undefined
const payload = () => (payloadPromise ??= getPayload({ config }))

/**
 * Payload, for a read or write. Noted as a live read (memo.ts): the page that made it is dropped
 * by the render cache when a resident signs up.
 */
export function cms(): Promise<Payload> {
  readsDatabase()
  return payload()
}

/**
 * Payload for a read of documents only (centres, events' text, conventions, case studies, the
 * site's settings), never of seats, places, claims or ratings: for the loaders kept until the
 * documents change (content/memo.ts). Not noted as live, so a page that read nothing else is kept
 * by the render cache through sign-ups.
 */
export function documentsCms(): Promise<Payload> {
  return payload()
}

export type Locale = 'zh' | 'en'

/**
 * A read as the public makes it: the collections' access rules applied (never overridden) and
 * drafts never seen, whatever the caller passes. Every public list and page reads through one of
 * the two made from it: `findPublished` (any public read, noted as live), `findDocuments` (for the
 * loaders kept until the documents change).
 */
const publicFind =
  (door: () => Promise<Payload>): Payload['find'] =>
  async (options) =>
    (await door()).find({ ...options, overrideAccess: false, draft: false })

export const findPublished = publicFind(cms)
export const findDocuments = publicFind(documentsCms)

export const PREVIEW_COOKIE = 'mulin_preview'

/** The preview a visitor was granted by a link from the admin, if it is still valid. */
export function previewGrant(token: string | undefined): PreviewGrant | null {
  return token ? verifyPreviewToken(token) : null
}

/**
 * One document by its slug as the public sees it, or, when the visitor holds a preview grant from
 * the admin for exactly this document, its latest draft. The grant names one document: it changes
 * nothing on any other page.
 */
export async function findBySlugOrPreview<T extends { id: number | string; slug?: string | null }>(
  collection: 'centres' | 'conventions' | 'projects' | 'case-studies',
  slug: string,
  locale: Locale,
  grant: PreviewGrant | null,
  { where, depth = 1, populate }: { where?: Where; depth?: number; populate?: unknown } = {},
): Promise<T | null> {
  const shape = { locale, depth, ...(populate ? { populate: populate as never } : {}) }
  const current = (await publishedBySlug(
    collection,
    slug,
    locale,
    depth,
    JSON.stringify(where ?? null),
    JSON.stringify(populate ?? null),
  )) as T | null
  if (grant?.collection === collection) {
    const draft = (await (
      await cms()
    ).findByID({
      collection,
      id: grant.id,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
      ...shape,
    })) as T | null
    if (draft && (draft.slug === slug || String(current?.id) === grant.id)) return draft
  }
  return current ?? null
}

/** The published document behind a slug, kept until a document changes (content/memo.ts). */
const publishedBySlug = keptUntilDocumentsChange(
  async (
    collection: 'centres' | 'conventions' | 'projects' | 'case-studies',
    slug: string,
    locale: Locale,
    depth: number,
    where: string,
    populate: string,
  ): Promise<unknown> => {
    const extra = JSON.parse(where) as Where | null
    const { docs } = await findDocuments({
      collection,
      where: { and: [{ slug: { equals: slug } }, ...(extra ? [extra] : [])] },
      limit: 1,
      locale,
      depth,
      ...(populate !== 'null' ? { populate: JSON.parse(populate) as never } : {}),
    })
    return docs[0] ?? null
  },
)
