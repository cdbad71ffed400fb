/** Entity tags for the site's answers (the render cache, the built files) and the 304 check. */
import { createHash } from 'node:crypto'

/** A strong tag from the body's bytes. */
export const etagOf = (body: Buffer): string =>
  `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`

/** Whether a request's If-None-Match names this tag (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}
