import type { APIRoute } from 'astro'

import { CARE_COOKIE } from '../lib/preferences'
import { sameSitePath } from '../lib/forms'

/**
 * Care mode (关怀模式) for elderly readers: larger type, stronger contrast, bigger targets. A plain
 * link switches it, a cookie remembers it for a year, and it works without JavaScript.
 */

export const GET: APIRoute = ({ url, cookies, redirect }) => {
  const on = url.searchParams.get('on') === '1'
  // Only paths on this site: never an open redirect.
  const target = sameSitePath(url.searchParams.get('next'), url.origin)
  if (on)
    cookies.set(CARE_COOKIE, '1', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true })
  else cookies.delete(CARE_COOKIE, { path: '/' })
  return redirect(target, 303)
}
