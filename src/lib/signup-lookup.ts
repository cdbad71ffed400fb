/**
 * The /signups page's one loader: a resident's own sign-up, for an event or as a project's
 * volunteer, found by its code and the last four digits of the phone number; and what the page
 * asked to do with it (look, ask "are you sure?", cancel). The rules live in cms/signups/.
 */
import type { Event } from '@cms/payload-types'
import { cancelSignup, lookUpSignup, type SignupView } from '@cms/signups/event-signups'
import {
  isVolunteerCode,
  lookUpVolunteer,
  type VolunteerSignupView,
  withdrawVolunteer,
} from '@cms/signups/project-signups'

import { cms } from './cms'

/** lookup: show it; confirm: show it and ask before cancelling; cancel: cancel it. */
export type LookupAction = 'lookup' | 'confirm' | 'cancel'

export const lookupAction = (typed: string | undefined): LookupAction =>
  typed === 'cancel' || typed === 'confirm' ? typed : 'lookup'

export type LookupAnswer =
  | { ok: true; kind: 'event'; signup: SignupView; event: Event; action: LookupAction }
  | { ok: true; kind: 'volunteer'; volunteer: VolunteerSignupView; action: LookupAction }
  | { ok: false; status: number; message: string }

export async function answerLookup(
  code: string,
  digits: string,
  action: LookupAction,
): Promise<LookupAnswer> {
  const payload = await cms()
  if (await isVolunteerCode(payload, code)) {
    const outcome =
      action === 'cancel'
        ? await withdrawVolunteer(payload, code, digits)
        : await lookUpVolunteer(payload, code, digits)
    return outcome.ok
      ? { ok: true, kind: 'volunteer', volunteer: outcome.value, action }
      : { ok: false, status: outcome.status, message: outcome.message.zh }
  }
  const outcome =
    action === 'cancel'
      ? await cancelSignup(payload, code, digits)
      : await lookUpSignup(payload, code, digits)
  if (!outcome.ok) return { ok: false, status: outcome.status, message: outcome.message.zh }
  const event = await payload.findByID({
    collection: 'events',
    id: outcome.value.eventId,
    depth: 1,
    locale: 'zh',
    overrideAccess: true,
  })
  return { ok: true, kind: 'event', signup: outcome.value, event, action }
}
