/**
 * Which address a request comes from, decided once for the site and the CMS (scripts/lib/front.ts
 * asks this for every request, before either server sees it).
 *
 * TRUSTED_PROXIES says how many reverse proxies stand in front of the portal. Each appends the
 * address it was reached from to X-Forwarded-For, so of the entries (plus the socket's own
 * address at the end) the last `trusted` were written by proxies we run, and the one before them
 * is the client. Everything earlier is whatever the client claimed. With 0 (the default) the
 * header is ignored and the socket's address counts.
 */

/** The header the front (scripts/lib/front.ts) sets on every request, replacing any a client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-mulin-client-address'

/** The number of trusted proxies from a setting's text: a whole number from 0 to 10, else 0. */
export function parseTrustedProxies(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 0
  const value = Number(text.trim())
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new Error(
      `TRUSTED_PROXIES must be a whole number from 0 to 10 (the proxies in front of the portal), not "${text}"`,
    )
  }
  return value
}

/** `::ffff:127.0.0.1` is 127.0.0.1. */
function plain(address: string): string {
  const trimmed = address.trim()
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed
}

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const socket = plain(socketAddress ?? '') || 'unknown'
  if (trustedProxies <= 0) return socket
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')
  const chain = [
    ...header
      .split(',')
      .map(plain)
      .filter((entry) => entry !== ''),
    socket,
  ]
  // chain[length - 1] is the nearest proxy (the socket); the client is `trustedProxies` further.
  const index = chain.length - 1 - trustedProxies
  return chain[Math.max(0, index)] ?? socket
}

/** The client's address as the front recorded it, for code behind the front. */
export function addressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
