/**
 * How large a request body may be, checked from Content-Length before anything is read
 * (scripts/lib/front.ts); a body without a declared length is refused too (411), since its size
 * could only be learnt by reading it.
 */
const KiB = 1024
const MiB = 1024 * KiB

export const BODY_LIMITS = {
  /** The site's forms (sign-up, look-up, volunteering, visit requests). */
  siteForm: 64 * KiB,
  /** The CMS's public endpoints (sign-up, look-up, cancel, volunteer, claim) and logging in. */
  publicEndpoint: 16 * KiB,
  /** GraphQL queries. */
  graphql: 64 * KiB,
  /** Images uploaded through the admin or the API. */
  upload: 20 * MiB,
  /** Everything else the admin and the API take (documents with rich text). */
  api: 2 * MiB,
} as const

const PUBLIC_ENDPOINT =
  /^\/api\/(events\/[^/]+\/register|registrations\/(lookup|cancel|check-in)|projects\/[^/]+\/(volunteer|claim)|users\/(login|forgot-password|reset-password|unlock)|visit-requests\/[^/]+)\/?$/

/** The largest body the site or the CMS takes for a request to `path`. */
export function bodyLimit(server: 'site' | 'cms', path: string): number {
  if (server === 'site') return BODY_LIMITS.siteForm
  if (path === '/api/graphql' || path.startsWith('/api/graphql?')) return BODY_LIMITS.graphql
  if (PUBLIC_ENDPOINT.test(path)) return BODY_LIMITS.publicEndpoint
  if (path === '/api/media' || path.startsWith('/api/media/') || path.startsWith('/admin'))
    return BODY_LIMITS.upload
  return BODY_LIMITS.api
}

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413 }

/** Whether a request's declared body may be read. */
export function checkBody(
  method: string,
  headers: { 'content-length'?: string; 'transfer-encoding'?: string },
  limit: number,
): BodyVerdict {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { ok: true }
  const declared = headers['content-length']
  if (declared === undefined) return headers['transfer-encoding'] ? { ok: false, status: 411 } : { ok: true }
  const length = Number(declared)
  if (!Number.isSafeInteger(length) || length < 0) return { ok: false, status: 413 }
  return length > limit ? { ok: false, status: 413 } : { ok: true }
}

export const BODY_MESSAGES = {
  413: {
    zh: '提交的内容太大了，没有处理。请只填写表单里要求的内容。',
    en: 'What was sent is too large and was not processed. Please fill in only what the form asks for.',
  },
  411: {
    zh: '请求没有说明内容的长度，没有处理。',
    en: 'The request did not say how long its body is, and was not processed.',
  },
}
