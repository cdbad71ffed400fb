import type { PayloadRequest } from 'payload'

/**
 * A Local API call given both `req` and `locale` switches that request's locale for good, so a
 * lookup in Chinese inside a hook would make the rest of an English save write into Chinese.
 * Runs `work` and puts the caller's locale back.
 */
export async function keepingLocale<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale } = req
  try {
    return await work()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
