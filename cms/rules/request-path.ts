/**
 * A request path that, decoded as often as a server along the way might decode it, climbs out of
 * its folder (`..`), or carries a backslash or a NUL: never a real page or file of the portal,
 * only an attempt to reach something else (`/api/media/file/..%252f.payload-secret`).
 */
export function isTraversal(path: string): boolean {
  let current = path.split('?')[0] ?? ''
  for (let i = 0; i < 4; i += 1) {
    if (/(^|[/\\])\.\.([/\\]|$)|\\/.test(current) || current.includes('\u0000')) return true
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return true
    }
    if (decoded === current) return false
    current = decoded
  }
  return true
}

export const BAD_PATH = { zh: '地址无效。', en: 'Bad address.' }

/** Whether a path (with or without its query) is one of the English pages, all under /en. */
export function isEnglishPath(path: string): boolean {
  const pathname = path.split('?')[0] ?? ''
  return pathname === '/en' || pathname.startsWith('/en/')
}
