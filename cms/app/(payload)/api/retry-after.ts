/**
 * A write refused because the database stayed busy answers 503 (cms/sqlite-writer.ts); this adds
 * the `Retry-After` that tells a kiosk or a mini-program when to try again. Payload builds its error
 * answers itself, so the header is added on the way out.
 */
type Handler<Args extends unknown[]> = (...args: Args) => Promise<Response>

export const RETRY_AFTER_SECONDS = 5

export function withRetryAfter<Args extends unknown[]>(handler: Handler<Args>): Handler<Args> {
  return async (...args) => {
    const response = await handler(...args)
    if (response.status === 503 && !response.headers.has('Retry-After')) {
      try {
        response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
      } catch {
        // immutable headers: copy the answer with the header added
        const headers = new Headers(response.headers)
        headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        })
      }
    }
    return response
  }
}
