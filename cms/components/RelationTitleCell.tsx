/**
 * List cells for relationships, rendered on the server with the related document's title.
 *
 * Payload's own relationship cell loads titles in the browser only once a row scrolls into view,
 * and until then says "<没有 居民区>": rows below the first screen (about the 14th on a desktop, the
 * 5th on a phone) read as if they had no neighbourhood in a printout, a full-page screenshot, a
 * screen reader or the browser's find. Here every row carries its title from the start.
 */
import type { CollectionSlug, DefaultServerCellComponentProps, Payload } from 'payload'
import { cache } from 'react'

import { sessionTime } from '../rules/shanghai-time'

type Id = number | string
type Lang = 'zh' | 'en'

// One look-up per document and request, however many rows name it.
const titleOf = cache(
  async (
    payload: Payload,
    collection: CollectionSlug,
    id: Id,
    lang: Lang,
  ): Promise<Record<string, unknown> | null> =>
    payload
      .findByID({
        collection,
        id,
        depth: 0,
        draft: true,
        locale: lang,
        overrideAccess: true,
      })
      .then((doc) => doc as unknown as Record<string, unknown>)
      .catch(() => null),
)

function idsOf(cellData: unknown): Id[] {
  const values = Array.isArray(cellData) ? cellData : cellData == null ? [] : [cellData]
  return values
    .map((value) => (typeof value === 'object' && value !== null ? (value as { id?: Id }).id : (value as Id)))
    .filter((id): id is Id => id !== undefined && id !== null)
}

async function titles(
  props: DefaultServerCellComponentProps,
  describe: (doc: Record<string, unknown>) => string,
) {
  const { cellData, field, payload, i18n } = props
  const relationTo =
    'relationTo' in field && typeof field.relationTo === 'string'
      ? (field.relationTo as CollectionSlug)
      : undefined
  if (!relationTo) return ''
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh'
  const useAsTitle = payload.collections[relationTo]?.config.admin.useAsTitle ?? 'id'
  const docs = await Promise.all(idsOf(cellData).map((id) => titleOf(payload, relationTo, id, lang)))
  return docs
    .filter((doc): doc is Record<string, unknown> => doc !== null)
    .map((doc) => describe(doc) || String(doc[useAsTitle] ?? doc.id))
    .join('，')
}

/** The cell's text, linked to the row's document when it is the list's first column. */
function Shown({ props, text }: { props: DefaultServerCellComponentProps; text: string }) {
  const { link, linkURL, collectionSlug, rowData } = props
  if (!link) return <span>{text || '—'}</span>
  const href = linkURL ?? `/admin/collections/${collectionSlug}/${String(rowData?.id)}`
  return <a href={href}>{text || String(rowData?.id)}</a>
}

/** The related documents' titles ("—" when there are none). */
export async function RelationTitleCell(props: DefaultServerCellComponentProps) {
  return <Shown props={props} text={await titles(props, () => '')} />
}

/** An event with its session's date and time, so the weeks of a weekly class can be told apart. */
export async function EventSessionCell(props: DefaultServerCellComponentProps) {
  const lang: Lang = props.i18n.language === 'en' ? 'en' : 'zh'
  const describe = (doc: Record<string, unknown>) =>
    typeof doc.start === 'string' ? `${String(doc.title ?? '')} · ${sessionTime(doc.start, lang)}` : ''
  return <Shown props={props} text={await titles(props, describe)} />
}
