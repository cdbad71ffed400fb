/**
 * Which texts of a document, read for an English page, exist only in Chinese. Payload falls back
 * to the Chinese text where the English one is missing (and the seed stores Chinese where a text
 * has no English), so the test is the text itself: Chinese characters and no English words.
 */

/** A field name, or `array.field` for a text inside each row of an array. */
export type TextPath = string

const CHINESE = /[\u3400-\u9fff]/
const ENGLISH_WORD = /[A-Za-z]{3,}/

/** Whether a text reads as Chinese only: Chinese characters and no English word in it. */
export const isChineseOnly = (value: unknown): boolean =>
  typeof value === 'string' && CHINESE.test(value) && !ENGLISH_WORD.test(value)

function chineseAt(doc: Record<string, unknown>, path: TextPath): boolean {
  const [name, inner] = path.split('.') as [string, string | undefined]
  const value = doc[name]
  if (!inner) return isChineseOnly(value)
  return Array.isArray(value) && value.some((row) => isChineseOnly((row as Record<string, unknown>)?.[inner]))
}

/** The paths among `paths` whose text (in any row, for arrays) exists only in Chinese. */
export function onlyInChinese(doc: object, paths: TextPath[]): TextPath[] {
  return paths.filter((path) => chineseAt(doc as Record<string, unknown>, path))
}

/** For an English list: how many of `docs` have some text among `paths` only in Chinese. */
export function untranslatedCount(docs: readonly object[], paths: TextPath[]): number {
  return docs.filter((doc) => onlyInChinese(doc, paths).length > 0).length
}
