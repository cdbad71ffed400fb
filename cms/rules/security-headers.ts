/**
 * The security headers of every answer, for the site and for the CMS (admin, REST, GraphQL,
 * uploaded files); scripts/lib/front.ts sets them before either server writes its own.
 *
 * - The site ships no script of its own: its policy allows scripts from itself only, no inline
 *   script, no plugins, no framing, and forms that post only to itself. Inline styles stay
 *   allowed (charts set widths in style attributes). Images come from the site, the CMS (uploads)
 *   and, when configured, the map tile server.
 * - The admin (Next.js) needs inline scripts (its page data arrives in inline script tags) and
 *   blob: images (upload previews); it may still not be framed, nor embed plugins. Its own pages
 *   may use the camera (the door check-in scans QR codes); the admin navigates without reloading,
 *   so the permission is the whole admin's, never the site's nor another origin's.
 * - The API and uploaded files get a policy that runs nothing at all (`default-src 'none'`,
 *   `sandbox`), so a file that a browser might sniff as HTML can never act as a page.
 * - Pages that carry a sign-up's code in their address (`/signups…`) never send it to another
 *   site (see codeReferrerPolicy).
 * - HSTS only when the portal is reached over HTTPS.
 */

export type Surface = 'site' | 'admin' | 'api'

export type HeaderOptions = {
  surface: Surface
  path: string
  https: boolean
  /** Origins images may come from besides the page's own (the CMS, the map tiles). */
  imageOrigins?: string[]
  /** Origins the admin may call besides its own (the public CMS address). */
  connectOrigins?: string[]
}

const HSTS = 'max-age=31536000; includeSubDomains'

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => (values.length > 0 ? `${name} ${values.join(' ')}` : name))
    .join('; ')
}

/** The origin of a URL or URL template (`https://tiles.example/{z}/{x}/{y}.png`), or undefined. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url.replace(/\{[a-z]+\}/gi, '0')).origin
  } catch {
    return undefined
  }
}

/**
 * The referrer policy of a site page whose address may carry a sign-up's code (`/signups`,
 * `/signups/<code>`, `/signups/<code>/feedback`): a referrer only to the site itself, so the code
 * never leaves the site. Not `no-referrer`: these pages have forms that post back (look-up, cancel,
 * "no more messages", feedback), and a browser that sends no referrer also sends `Origin: null`,
 * which the site's check of cross-site posts must refuse. Undefined for other pages.
 */
export function codeReferrerPolicy(path: string): 'same-origin' | undefined {
  const pathname = path.split('?')[0] ?? ''
  if (/^\/(en\/)?signups(\/[^/]+(\/feedback)?)?\/?$/.test(pathname)) return 'same-origin'
  return undefined
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const { surface, path, https } = options
  const images = [...new Set((options.imageOrigins ?? []).filter(Boolean))]
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The admin's door page films QR codes; the site's "用手机定位" asks where the resident is
    // (only when tapped, and the browser asks them first). Nothing else may use either.
    'Permissions-Policy': `camera=${surface === 'admin' ? '(self)' : '()'}, microphone=(), geolocation=${surface === 'site' ? '(self)' : '()'}, payment=(), usb=()`,
  }
  const common = {
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  }
  if (surface === 'site') {
    headers['Content-Security-Policy'] = policy({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', ...images],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      ...common,
      ...(https ? { 'upgrade-insecure-requests': [] } : {}),
    })
    const referrer = codeReferrerPolicy(path)
    if (referrer) headers['Referrer-Policy'] = referrer
  } else if (surface === 'admin') {
    headers['Content-Security-Policy'] = policy({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', ...images],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'", ...(options.connectOrigins ?? [])],
      'worker-src': ["'self'", 'blob:'],
      ...common,
    })
  } else {
    headers['Content-Security-Policy'] = policy({
      'default-src': ["'none'"],
      'img-src': ["'self'"],
      'style-src': ["'unsafe-inline'"],
      'frame-ancestors': ["'none'"],
      sandbox: [],
    })
    headers['Cross-Origin-Resource-Policy'] = 'same-site'
  }
  if (https) headers['Strict-Transport-Security'] = HSTS
  return headers
}

/**
 * `securityHeaders` for a server whose other origins are fixed (scripts/lib/front.ts), as header
 * name and value pairs, each form built once: a path changes them only through its referrer policy
 * (codeReferrerPolicy), so a server has a handful of forms, and a request answered from memory
 * need not build a policy string of its own.
 */
export function keptSecurityHeaders(
  origins: Pick<HeaderOptions, 'imageOrigins' | 'connectOrigins'>,
): (surface: Surface, path: string, https: boolean) => ReadonlyArray<readonly [string, string]> {
  const kept = new Map<string, ReadonlyArray<readonly [string, string]>>()
  return (surface, path, https) => {
    const key = `${surface} ${https} ${codeReferrerPolicy(path) ?? ''}`
    let headers = kept.get(key)
    if (!headers) {
      headers = Object.freeze(Object.entries(securityHeaders({ ...origins, surface, path, https })))
      kept.set(key, headers)
    }
    return headers
  }
}

/** Which part of the CMS a path belongs to: the API (REST, GraphQL, files) or the admin. */
export function cmsSurface(path: string): Surface {
  return path === '/api' || path.startsWith('/api/') ? 'api' : 'admin'
}
