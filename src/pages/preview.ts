import type { APIRoute } from 'astro'

import { PREVIEW_COOKIE, previewGrant } from '../lib/cms'
import { sameSitePath } from '../lib/forms'

/**
 * The admin's preview links land here: a valid signed token becomes a short-lived cookie, and the
 * visitor is sent on to the page, which then shows that one document's latest draft.
 */
export const GET: APIRoute = ({ url, cookies, redirect }) => {
  const token = url.searchParams.get('token') ?? ''
  const grant = previewGrant(token)
  // Only paths on this site: never an open redirect.
  const target = sameSitePath(url.searchParams.get('next'), url.origin)
  if (!grant) {
    return new Response('预览链接无效或已过期 / This preview link is invalid or has expired', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  cookies.set(PREVIEW_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(grant.expires * 1000),
  })
  return redirect(target, 303)
}
