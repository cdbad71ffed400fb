import { formRateLimit } from '../settings'

/**
 * A fixed-window counter per client address and form, in the memory of the process that serves
 * the form (the site and the CMS each keep their own). Enough to stop a script hammering one
 * form; not a defence against a botnet, which is the proxy's job.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>()

  constructor(
    private readonly max = formRateLimit.max,
    private readonly windowMs = formRateLimit.windowSeconds * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the address has used up its attempts for this window. */
  allow(form: string, address: string): boolean {
    const key = `${form}\u0000${address}`
    const time = this.now()
    const window = this.windows.get(key)
    if (!window || time - window.startedAt >= this.windowMs) {
      if (this.windows.size > 50_000) this.forgetExpired(time)
      this.windows.set(key, { startedAt: time, count: 1 })
      return true
    }
    window.count += 1
    return window.count <= this.max
  }

  /** Seconds until the address may try again. */
  retryAfter(form: string, address: string): number {
    const window = this.windows.get(`${form}\u0000${address}`)
    if (!window) return 0
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000))
  }

  private forgetExpired(time: number): void {
    for (const [key, window] of this.windows) {
      if (time - window.startedAt >= this.windowMs) this.windows.delete(key)
    }
  }
}

/** The one limiter of this process. */
export const formLimiter = new RateLimiter()

/**
 * The honeypot: a text input named like this, hidden from people (and from screen readers) but
 * filled in by form-filling scripts. A submission with it filled is answered as if it succeeded
 * and then dropped, so the script learns nothing.
 */
export const HONEYPOT_FIELD = 'website'

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}
