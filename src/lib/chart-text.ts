/**
 * Laying out text inside the site's inline-SVG charts, which have no browser to measure for them
 * (they are drawn on the server and must read without JavaScript).
 */

/** Rough, slightly generous width of text in em, so labels and numbers are never clipped. */
export function textEm(text: string): number {
  let em = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0x2e80) em += 1
    else if (/\s/u.test(ch)) em += 0.28
    else if (/[ijlft.,:;'’|()!]/u.test(ch)) em += 0.33
    else if (/[A-Z%mwMW]/u.test(ch)) em += 0.75
    else em += 0.57
  }
  return em
}

/** Greedy line breaking: between words for English, between any two characters for Chinese. */
export function wrap(text: string, maxEm: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|\s+|[^\s\u2e80-\uffff]+/gu) ?? [text]
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const next = line + token
    if (line.trim() && textEm(next.trimEnd()) > maxEm) {
      lines.push(line.trim())
      line = /^\s+$/u.test(token) ? '' : token
    } else line = next
  }
  if (line.trim()) lines.push(line.trim())
  return lines
}
