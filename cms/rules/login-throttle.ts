/**
 * Slowing down password guessing without letting a stranger lock staff out. Payload's own
 * lock-out (which answered "locked" for existing accounts only, and let anyone lock an account)
 * is off; instead, failed logins are counted in three windows:
 *
 * - per address: one address may fail PER_ADDRESS times (any accounts) before it must wait;
 * - per account and address: PER_ACCOUNT_AND_ADDRESS tries at one account from one address;
 * - per account from everywhere: after PER_ACCOUNT failures each further try is delayed by
 *   ACCOUNT_DELAY_MS, which slows a guesser with many addresses while the account's owner, from
 *   their own address, can still log in.
 *
 * Unknown and existing emails are counted and answered alike. A successful login clears the
 * account's count for that address.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const PER_ADDRESS = 20
export const PER_ACCOUNT_AND_ADDRESS = 5
export const PER_ACCOUNT = 50
export const ACCOUNT_DELAY_MS = 2_000

type Window = { startedAt: number; count: number }

export type LoginVerdict = { allow: true; delayMs: number } | { allow: false; retryAfterSeconds: number }

export class LoginThrottle {
  private readonly windows = new Map<string, Window>()

  constructor(private readonly now: () => number = Date.now) {}

  private current(key: string): Window | undefined {
    const window = this.windows.get(key)
    if (window && this.now() - window.startedAt < LOGIN_WINDOW_MS) return window
    if (window) this.windows.delete(key)
    return undefined
  }

  private retryAfter(window: Window): number {
    return Math.max(1, Math.ceil((window.startedAt + LOGIN_WINDOW_MS - this.now()) / 1000))
  }

  /** Whether a login for `email` from `address` may be tried now. */
  check(email: string, address: string): LoginVerdict {
    const account = email.trim().toLowerCase()
    const byAddress = this.current(`a\u0000${address}`)
    if (byAddress && byAddress.count >= PER_ADDRESS)
      return { allow: false, retryAfterSeconds: this.retryAfter(byAddress) }
    const byPair = this.current(`p\u0000${account}\u0000${address}`)
    if (byPair && byPair.count >= PER_ACCOUNT_AND_ADDRESS)
      return { allow: false, retryAfterSeconds: this.retryAfter(byPair) }
    const byAccount = this.current(`u\u0000${account}`)
    return { allow: true, delayMs: byAccount && byAccount.count >= PER_ACCOUNT ? ACCOUNT_DELAY_MS : 0 }
  }

  /** Counts a failed login. */
  failed(email: string, address: string): void {
    const account = email.trim().toLowerCase()
    if (this.windows.size > 50_000) this.forgetExpired()
    for (const key of [`a\u0000${address}`, `p\u0000${account}\u0000${address}`, `u\u0000${account}`]) {
      const window = this.current(key)
      if (window) window.count += 1
      else this.windows.set(key, { startedAt: this.now(), count: 1 })
    }
  }

  /**
   * A successful login (counted as failed before it ran): it counts for nothing, and this address
   * may go on trying this account afresh.
   */
  succeeded(email: string, address: string): void {
    const account = email.trim().toLowerCase()
    this.windows.delete(`p\u0000${account}\u0000${address}`)
    for (const key of [`a\u0000${address}`, `u\u0000${account}`]) {
      const window = this.current(key)
      if (window) window.count = Math.max(0, window.count - 1)
    }
  }

  private forgetExpired(): void {
    for (const key of [...this.windows.keys()]) this.current(key)
  }
}

export const TOO_MANY_LOGINS = {
  zh: '登录失败次数太多，请过一会儿再试。',
  en: 'Too many failed logins; please wait a while and try again.',
}
