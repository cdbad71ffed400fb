/**
 * The largest page the public API serves: `?limit=` above it (or 0, or `pagination=false`) gets
 * this many. The site and the CMS's own code (Payload's Local API) are not limited by it.
 */
export const MAX_PAGE_SIZE = 100

/** The page size to serve for a requested `limit` (undefined: the default of 10). */
export function cappedLimit(limit: unknown): number | undefined {
  if (limit === undefined || limit === null || limit === '') return undefined
  const value = typeof limit === 'number' ? limit : Number(limit)
  if (!Number.isFinite(value) || value <= 0) return MAX_PAGE_SIZE
  return Math.min(Math.floor(value), MAX_PAGE_SIZE)
}
