/**
 * Feeds of hundreds of entries (calendars, sitemaps) are served as bytes joined from each entry's
 * kept bytes: a long string body is checked and encoded to UTF-8 whole on every request.
 */
export function joined(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let at = 0
  for (const part of parts) {
    whole.set(part, at)
    at += part.length
  }
  return whole
}
