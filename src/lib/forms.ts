/**
 * What every public form on the site shares: reading a posted form, the rate limit (counted in
 * the database with the REST endpoints', cms/rate-limit/) and the honeypot, and the
 * shape of a form's state when it is shown again with errors and what the user typed.
 */
import type { AstroGlobal } from 'astro'
import { addressOf, CLIENT_ADDRESS_HEADER } from '@cms/rules/client-address'
import { formLimiter } from '@cms/rate-limit/form-limiter'
import { HONEYPOT_FIELD, isHoneypotFilled } from '@cms/rules/rate-limit'

import { cms } from './cms'

export type FormValues = Record<string, string>
/** Field name → message shown next to that field; `form` for a message about the whole form. */
export type FormErrors = Record<string, string>
export type FormState = { values: FormValues; errors: FormErrors }

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} })

/** The posted fields as trimmed strings (repeated fields joined by newlines). */
export async function readForm(request: Request): Promise<FormValues> {
  const data = await request.formData()
  const values: FormValues = {}
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') continue
    values[name] = name in values ? `${values[name]}\n${value.trim()}` : value.trim()
  }
  return values
}

/** All values posted under one name, e.g. a group of checkboxes. */
export async function readAll(request: Request, name: string): Promise<string[]> {
  const data = await request.clone().formData()
  return data.getAll(name).filter((value): value is string => typeof value === 'string')
}

/**
 * The client's address, as scripts/lib/front.ts decided it for this request (cms/rules/client-address.ts,
 * from TRUSTED_PROXIES); under `astro dev`, which has no front, the connection's address.
 */
export function clientAddress(astro: Pick<AstroGlobal, 'clientAddress' | 'request'>): string {
  if (astro.request.headers.has(CLIENT_ADDRESS_HEADER)) return addressOf(astro.request.headers)
  try {
    return astro.clientAddress
  } catch {
    return 'unknown'
  }
}

export type Gate = 'ok' | 'limited' | 'bot'

/** Whether to process a submission: rate-limited addresses and filled honeypots are not. */
export async function gate(
  form: string,
  values: FormValues,
  address: string,
  { counted = true }: { counted?: boolean } = {},
): Promise<Gate> {
  if (isHoneypotFilled(values[HONEYPOT_FIELD])) return 'bot'
  if (!counted) return 'ok'
  return (await formLimiter.allow(await cms(), form, address)) ? 'ok' : 'limited'
}

/** No field of any form takes more than this many characters. */
export const MAX_FIELD_LENGTH = 4000

export const TOO_LONG_MESSAGE = {
  zh: '填写的内容太长了，没有处理。请只填写表单里要求的内容。',
  en: 'What was typed is too long and was not processed. Please fill in only what the form asks for.',
}

export const LIMITED_MESSAGE = {
  zh: '提交次数太多了，请过几分钟再试。如需帮助，请直接打电话给中心。',
  en: 'Too many attempts from this connection. Please wait a few minutes and try again.',
}

/**
 * A refused submission's status on the page; a 503 (the database stayed busy, nothing was saved)
 * also says when to try again.
 */
export function refusedStatus(astro: Pick<AstroGlobal, 'response'>, status: number): void {
  astro.response.status = status
  if (status === 503) astro.response.headers.set('Retry-After', '5')
}

/** Pages that handle forms must never be cached: they carry what one person typed. */
export function noStore(astro: Pick<AstroGlobal, 'response'>): void {
  astro.response.headers.set('Cache-Control', 'no-store')
}

export type Received =
  | { verdict: 'ok'; values: FormValues }
  /** A filled honeypot: answer as if it worked, process nothing. */
  | { verdict: 'bot'; values: FormValues }
  /** Over the rate limit (the response is already 429) or too long (413): show `state`. */
  | { verdict: 'limited'; values: FormValues; state: FormState }

/**
 * What every public form's page does first with a submission: never cache the answer, read the
 * fields, then let the rate limit and the honeypot decide whether to go on.
 */
export async function receiveForm(
  astro: Pick<AstroGlobal, 'clientAddress' | 'request' | 'response'>,
  form: string,
  lang: 'zh' | 'en' = 'zh',
  /**
   * `countedBySubmission`: the write the form leads to counts the attempt itself, in its own
   * commit (a resident's sign-up, cms/seats/sqlite-signup.ts), so it is not counted here too.
   */
  { countedBySubmission = false }: { countedBySubmission?: boolean } = {},
): Promise<Received> {
  noStore(astro)
  const values = await readForm(astro.request)
  // A value longer than any field takes is refused whole and never shown again.
  if (Object.values(values).some((value) => value.length > MAX_FIELD_LENGTH)) {
    astro.response.status = 413
    return { verdict: 'limited', values: {}, state: { values: {}, errors: { form: TOO_LONG_MESSAGE[lang] } } }
  }
  const verdict = await gate(form, values, clientAddress(astro), { counted: !countedBySubmission })
  if (verdict !== 'limited') return { verdict, values }
  astro.response.status = 429
  return { verdict, values, state: { values, errors: { form: LIMITED_MESSAGE[lang] } } }
}

/** A refused outcome of the CMS layer as the form shows it: the summary and one message a field. */
export function refusedForm(
  values: FormValues,
  outcome: {
    message: { zh: string; en: string }
    errors?: Record<string, { zh: string; en: string } | undefined>
  },
  lang: 'zh' | 'en' = 'zh',
): FormState {
  const fields = Object.entries(outcome.errors ?? {}).flatMap(([field, message]) =>
    message ? [[field, message[lang]] as const] : [],
  )
  return { values, errors: { form: outcome.message[lang], ...Object.fromEntries(fields) } }
}

/**
 * Where a `next=` parameter may send the visitor: a path on this site, or home. Resolved the way
 * a browser would, so `//evil.example` and `/\evil.example` (both another host) are refused.
 */
export function sameSitePath(next: string | null, origin: string): string {
  if (!next) return '/'
  try {
    const target = new URL(next, origin)
    if (target.origin !== new URL(origin).origin) return '/'
    // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another
    // host: a path starting with two slashes (or a slash and a backslash) is refused too.
    if (/^\/[/\\]/.test(target.pathname)) return '/'
    return `${target.pathname}${target.search}${target.hash}`
  } catch {
    return '/'
  }
}
