/**
 * The two study-visit pages' request handling, run by their routes before anything streams (a
 * redirect or a status must be decided before the page starts): the request form (/visits) and
 * the status look-up (/visits/status), in Chinese and English.
 */
import type { AstroGlobal } from 'astro'

import { visitReference } from '@cms/collections/VisitRequests'
import type { VisitStatusView } from '@cms/visits/look-up'
import { visitWindow } from '@cms/visits/request-visit'

import { findVisitRequest, submitVisitRequest } from './content/visits'
import { emptyForm, type FormState, noStore, readAll, receiveForm } from './forms'
import type { Locale } from './i18n'

type Astro = Pick<AstroGlobal, 'request' | 'response' | 'url' | 'clientAddress'>

const REFERENCE = /^V\d{4}-[0-9A-Z]{5}$/

export const visitsPath = (lang: Locale) => (lang === 'zh' ? '/visits' : '/en/visits')
export const visitStatusPath = (lang: Locale) => `${visitsPath(lang)}/status`

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The dates and centre ids a confirmation's address repeats, each checked for its shape. */
function chosenIn(query: URLSearchParams): { dates: string[]; centreIds: number[] } {
  const list = (name: string) => (query.get(name) ?? '').split(',').slice(0, 5)
  return {
    dates: list('dates')
      .filter((d) => DATE.test(d))
      .slice(0, 2),
    centreIds: list('centres')
      .filter((id) => /^\d{1,9}$/.test(id))
      .map(Number),
  }
}

export type VisitFormPage =
  | { view: 'form'; state: FormState; centres: string[]; window: { first: string; last: string } }
  | { view: 'sent'; reference: string; dates: string[]; centreIds: number[] }
  | { view: 'redirect'; location: string }

/** GET: the empty form, or the confirmation after a request (?ref=). POST: check, save, redirect. */
export async function visitFormPage(astro: Astro, lang: Locale): Promise<VisitFormPage> {
  noStore(astro)
  const { first, last } = visitWindow()
  const window = { first, last }
  if (astro.request.method !== 'POST') {
    const reference = astro.url.searchParams.get('ref') ?? ''
    if (REFERENCE.test(reference)) return { view: 'sent', reference, ...chosenIn(astro.url.searchParams) }
    return { view: 'form', state: emptyForm(), centres: [], window }
  }

  // readAll reads a copy of the body, so it goes before receiveForm, which consumes it.
  const centres = await readAll(astro.request, 'centres')
  const received = await receiveForm(astro, 'visit-request', lang)
  const { values } = received
  // The confirmation repeats the dates and centres chosen; they travel in its address (they are
  // what this delegation typed, nothing private), so a bot's fake success looks the same.
  const sent = (reference: string) => {
    const query = new URLSearchParams({ ref: reference })
    const dates = [values.date1, values.date2].filter((d): d is string => Boolean(d && DATE.test(d)))
    if (dates.length > 0) query.set('dates', dates.join(','))
    const ids = centres.filter((id) => /^\d{1,9}$/.test(id))
    if (ids.length > 0) query.set('centres', ids.join(','))
    return {
      view: 'redirect' as const,
      location: `${visitsPath(lang)}?${query.toString().replace(/%2C/g, ',')}`,
    }
  }
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
