/**
 * Seed files write a translated value as `{ zh: …, en: … }`. Payload takes one locale per write,
 * so a document is created in Chinese and then updated in English, with array rows matched by id.
 */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

export type LocaleCode = 'zh' | 'en'

function isTranslation(value: Json): value is { zh: Json; en?: Json } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.includes('zh') && keys.every((key) => key === 'zh' || key === 'en')
}

/** The document as written in one locale; English falls back to Chinese where none is given. */
export function inLocale(value: Json, locale: LocaleCode): Json {
  if (isTranslation(value)) {
    return inLocale(locale === 'en' && value.en !== undefined ? value.en : value.zh, locale)
  }
  if (Array.isArray(value)) return value.map((item) => inLocale(item, locale))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inLocale(item, locale)]))
  }
  return value
}

/** Whether any value in the tree differs between the locales (no English update needed if not). */
export function hasTranslations(value: Json): boolean {
  if (isTranslation(value)) return true
  if (Array.isArray(value)) return value.some(hasTranslations)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasTranslations)
  return false
}

/**
 * Copies the ids of array rows from a saved document onto the same rows of `data`, so an update
 * in another locale fills in those rows instead of replacing them.
 */
export function withRowIds(data: Json, saved: unknown): Json {
  if (Array.isArray(data)) {
    const rows = Array.isArray(saved) ? saved : []
    return data.map((row, index) => {
      const savedRow = rows[index] as Record<string, unknown> | undefined
      const merged = withRowIds(row, savedRow)
      if (
        merged !== null &&
        typeof merged === 'object' &&
        !Array.isArray(merged) &&
        savedRow?.id !== undefined
      ) {
        return { ...merged, id: savedRow.id as Json }
      }
      return merged
    })
  }
  if (data !== null && typeof data === 'object') {
    const record = (saved ?? {}) as Record<string, unknown>
    return Object.fromEntries(Object.entries(data).map(([key, item]) => [key, withRowIds(item, record[key])]))
  }
  return data
}

export type { Json }
