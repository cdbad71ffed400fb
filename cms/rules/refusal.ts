import { APIError } from 'payload'

export type Bilingual = { zh: string; en: string }

/**
 * A business rule saying no: the message (Chinese / English) reaches the admin, the REST and
 * GraphQL clients and the site as it is, with a 4xx status, instead of a generic server error.
 * Given both languages separately, each is kept too, so a page shows only its own language.
 */
export function refusal(message: string | Bilingual, status = 400): APIError {
  const text = typeof message === 'string' ? message : `${message.zh} / ${message.en}`
  const data = typeof message === 'string' ? { message: text } : { message: text, ...message }
  return new APIError(text, status, data, true)
}

/**
 * The refusal's message in one language, when it is a refusal (a 4xx, or a 503 "busy, try again",
 * which also leaves nothing behind); undefined otherwise.
 */
export function refusalMessage(
  error: unknown,
  lang: 'zh' | 'en',
): { message: string; status: number } | undefined {
  if (!(error instanceof APIError) || (error.status >= 500 && error.status !== 503)) return undefined
  const data = (error.data ?? {}) as Partial<Bilingual> & { message?: string }
  return { message: data[lang] ?? data.message ?? error.message, status: error.status }
}
