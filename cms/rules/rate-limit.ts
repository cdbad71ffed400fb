import { formRateLimit } from '../settings'

/**
 * The form rate limit's rule: a fixed window per client address and form. The first attempt
 * after a window has run out opens a new one; within a window, the first `max` attempts pass.
 * Enough to stop a script hammering one form; not a defence against a botnet, which is the
 * proxy's job. The public forms count in the database (cms/rate-limit/), so every process
 * shares one count; `RateLimiter` below counts in one process's memory, for limits that need no more.
 */
export type AttemptWindow = { startedAt: number; count: number }

/** The window after one more attempt at `time`. */
export function nextWindow(
  previous: AttemptWindow | undefined,
  time: number,
  windowMs: number,
): AttemptWindow {
  if (!previous || time - previous.startedAt >= windowMs) return { startedAt: time, count: 1 }
  return { startedAt: previous.startedAt, count: previous.count + 1 }
}

/** Whether the attempt that brought the window to its count may go ahead. */
/** What a client past its allowance is told, in both languages. */
export const TOO_MANY_ATTEMPTS = {
  zh: '提交次数太多了，请稍后再试。',
  en: 'Too many attempts; please try again later.',
}

export const withinLimit = (window: AttemptWindow, max: number): boolean => window.count <= max

/** Seconds until the window runs out (at least 1 while it runs); 0 without a window. */
export function secondsLeft(window: AttemptWindow | undefined, time: number, windowMs: number): number {
  if (!window) return 0
  return Math.max(1, Math.ceil((window.startedAt + windowMs - time) / 1000))
}

/** The rule above, counted in the memory of one process. */
export class RateLimiter {
  private readonly windows = new Map<string, AttemptWindow>()

  constructor(
    private readonly max = formRateLimit.max,
    private readonly windowMs = formRateLimit.windowSeconds * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the address has used up its attempts for this window. */
  allow(form: string, address: string): boolean {
    const key = `${form}\u0000${address}`
    const time = this.now()
    if (this.windows.size > 50_000) this.forgetExpired(time)
    const window = nextWindow(this.windows.get(key), time, this.windowMs)
    this.windows.set(key, window)
    return withinLimit(window, this.max)
  }

  /** Seconds until the address may try again. */
  retryAfter(form: string, address: string): number {
    return secondsLeft(this.windows.get(`${form}\u0000${address}`), this.now(), this.windowMs)
  }

  private forgetExpired(time: number): void {
    for (const [key, window] of this.windows) {
      if (time - window.startedAt >= this.windowMs) this.windows.delete(key)
    }
  }
}

/**
 * The honeypot: a text input named like this, hidden from people (and from screen readers) but
 * filled in by form-filling scripts. A submission with it filled is answered as if it succeeded
 * and then dropped, so the script learns nothing.
 */
export const HONEYPOT_FIELD = 'website'

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}
