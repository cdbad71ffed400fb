/**
 * The two study-visit pages' request handling, run by their routes before anything streams (a
 * redirect or a status must be decided before the page starts): the request form (/visits) and
 * the status look-up (/visits/status), in Chinese and English.
 */
import type { AstroGlobal } from 'astro'

import { visitReference } from '@cms/collections/VisitRequests'
import type { VisitStatusView } from '@cms/visits/look-up'
import { visitWindow } from '@cms/visits/request-visit'

import { findVisitRequest, submitVisitRequest } from './cms'
import { emptyForm, type FormState, noStore, readAll, receiveForm } from './forms'
import type { Locale } from './i18n'

type Astro = Pick<AstroGlobal, 'request' | 'response' | 'url' | 'clientAddress'>

const REFERENCE = /^V\d{4}-[0-9A-Z]{5}$/

export const visitsPath = (lang: Locale) => (lang === 'zh' ? '/visits' : '/en/visits')
export const visitStatusPath = (lang: Locale) => `${visitsPath(lang)}/status`

export type VisitFormPage =
  | { view: 'form'; state: FormState; centres: string[]; window: { first: string; last: string } }
  | { view: 'sent'; reference: string }
  | { view: 'redirect'; location: string }

/** GET: the empty form, or the confirmation after a request (?ref=). POST: check, save, redirect. */
export async function visitFormPage(astro: Astro, lang: Locale): Promise<VisitFormPage> {
  noStore(astro)
  const { first, last } = visitWindow()
  const window = { first, last }
  if (astro.request.method !== 'POST') {
    const reference = astro.url.searchParams.get('ref') ?? ''
    if (REFERENCE.test(reference)) return { view: 'sent', reference }
    return { view: 'form', state: emptyForm(), centres: [], window }
  }

  // readAll reads a copy of the body, so it goes before receiveForm, which consumes it.
  const centres = await readAll(astro.request, 'centres')
  const received = await receiveForm(astro, 'visit-request', lang)
  const { values } = received
  const sent = (reference: string) => ({
    view: 'redirect' as const,
    location: `${visitsPath(lang)}?ref=${encodeURIComponent(reference)}`,
  })
  // A script filling the honeypot sees exactly what success looks like; nothing was saved.
  if (received.verdict === 'bot') return sent(visitReference())
  if (received.verdict === 'limited') return { view: 'form', state: received.state, centres, window }
  const result = await submitVisitRequest({ ...values, centres }, lang)
  if (result.ok) return sent(result.reference)
  astro.response.status = 400
  return { view: 'form', state: { values, errors: result.errors }, centres, window }
}

export type VisitStatusPage = {
  state: FormState
  /** null after a look-up that found nothing */
  found?: VisitStatusView | null
}

/**
 * The look-up is a POST, so the email never appears in an address bar, a log or a history. The
 * answer to a wrong pair is one neutral message, whichever half was wrong.
 */
export async function visitStatusPage(astro: Astro, lang: Locale): Promise<VisitStatusPage> {
  noStore(astro)
  if (astro.request.method !== 'POST') {
    const reference = astro.url.searchParams.get('ref') ?? ''
    return { state: emptyForm(REFERENCE.test(reference) ? { reference } : {}) }
  }
  const received = await receiveForm(astro, 'visit-status', lang)
  const { values } = received
  if (received.verdict === 'bot') return { state: { values, errors: {} }, found: null }
  if (received.verdict === 'limited') return { state: received.state }
  const errors: Record<string, string> = {}
  const zh = lang === 'zh'
  if (!values.reference) errors.reference = zh ? '请填写预约编号' : 'Please enter your reference.'
  if (!values.email) errors.email = zh ? '请填写预约时留下的电子邮箱' : 'Please enter the email you gave.'
  if (Object.keys(errors).length > 0) {
    astro.response.status = 400
    return { state: { values, errors } }
  }
  const found = await findVisitRequest(values.reference ?? '', values.email ?? '', lang)
  if (!found) astro.response.status = 404
  return { state: { values, errors: {} }, found }
}
