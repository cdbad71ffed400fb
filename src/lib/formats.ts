/**
 * Intl formatters, made once per locale and options and shared by every render. Making one costs
 * about 45 µs (formatting with it a few), and a page's frontmatter runs on every request: the
 * events list alone made six a request.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`
  let format = dateFormats.get(key)
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)))
  return format
}

const dayTexts = new WeakMap<Intl.DateTimeFormat, Map<string, string>>()

/**
 * A Shanghai calendar day ("2026-12-03") in a date format, kept: lists name the same few dozen days
 * on every request, and each Intl call costs a few µs. The format should have the Shanghai zone.
 */
export function formatDay(format: Intl.DateTimeFormat, day: string): string {
  let texts = dayTexts.get(format)
  if (!texts) dayTexts.set(format, (texts = new Map()))
  let text = texts.get(day)
  if (text === undefined) {
    if (texts.size >= 5_000) texts.clear()
    text = format.format(new Date(`${day}T12:00:00+08:00`))
    texts.set(day, text)
  }
  return text
}
