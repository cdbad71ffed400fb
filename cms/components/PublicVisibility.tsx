/**
 * The sidebar line on every document with a public status: whether the public sees it, where,
 * and if not, why (cms/rules/public-visibility.ts). "已发布" alone misled staff: a published
 * convention still marked 草案 never appears on the site.
 */
import type { CollectionSlug, ServerFieldBase } from 'payload'

import { PREVIEWABLE, pathOf, type Previewable } from '../preview'
import { visibilityLine, whyNotPublic } from '../rules/public-visibility'
import { siteUrl } from '../settings'

export async function PublicVisibility({ id, collectionSlug, payload, i18n }: ServerFieldBase) {
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  if (id === undefined || id === null) return null
  const collection = collectionSlug as CollectionSlug
  // Whether: asked the way the site asks, as nobody, through the collection's own read access.
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    pagination: false,
  })
  const seen = docs[0] as Record<string, unknown> | undefined
  // Why not: from the version the public would get, the last published one (not the form's draft).
  const published =
    seen ??
    ((await payload
      .findByID({ collection, id, depth: 0, draft: false, overrideAccess: true })
      .catch(() => undefined)) as Record<string, unknown> | undefined)
  const reasons = seen ? [] : whyNotPublic(collectionSlug, published)
  const line = seen
    ? visibilityLine([], lang)
    : visibilityLine(
        reasons.length > 0 ? reasons : [{ zh: '不符合公开条件', en: 'it does not meet the conditions' }],
        lang,
      )
  const where =
    seen && (PREVIEWABLE as readonly string[]).includes(collectionSlug)
      ? `${siteUrl}${pathOf(collectionSlug as Previewable, seen, lang)}`
      : undefined
  return (
    <div
      className="mulin-visibility"
      role="status"
      style={{
        padding: '0.75rem 1rem',
        marginBottom: '1rem',
        borderRadius: 6,
        background: seen ? '#e3f4e8' : '#fdf0e3',
        color: seen ? '#14532d' : '#7a3a05',
      }}
    >
      <strong>{line}</strong>
      {where && (
        <p style={{ margin: '0.25rem 0 0' }}>
          {lang === 'en' ? 'On the site: ' : '网站位置：'}
          <a href={where} target="_blank" rel="noreferrer">
            {where.replace(/^https?:\/\/[^/]+/, '')}
          </a>
        </p>
      )}
    </div>
  )
}
