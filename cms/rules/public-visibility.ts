/**
 * Why the public does not see a document, in words staff understand: publishing is not always
 * enough (a convention whose 公约状态 is still 草案 stays private even when published, see the
 * conventions' read access). The admin shows these reasons on every document with a public status.
 */
import type { Bilingual } from './refusal'

type Doc = { _status?: string | null; status?: string | null }

export function whyNotPublic(collection: string, published: Doc | undefined): Bilingual[] {
  if (!published || published._status !== 'published') {
    return [{ zh: '还没有发布，只保存了草稿', en: 'not published yet, only saved as a draft' }]
  }
  const reasons: Bilingual[] = []
  if (collection === 'conventions' && published.status === 'draft') {
    reasons.push({ zh: '公约状态为草案', en: "the convention's status is 草案 (draft)" })
  }
  return reasons
}

/** The one-line verdict the admin shows. */
export function visibilityLine(reasons: Bilingual[], lang: 'zh' | 'en'): string {
  if (reasons.length === 0) return lang === 'en' ? 'Visible to the public' : '公众可见'
  const why = reasons.map((reason) => reason[lang]).join(lang === 'en' ? '; ' : '；')
  return lang === 'en' ? `Not visible to the public: ${why}` : `公众不可见：${why}`
}
