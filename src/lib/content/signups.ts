/**
 * Sign-ups, volunteering and claims. The rules live in the CMS (cms/signups, cms/rules); these are
 * the site's doors to them, so the forms and the REST endpoints behave the same.
 */
import type { Event } from '@cms/payload-types'
import {
  cancelSignup,
  lookUpSignup,
  signUp,
  type SignupRequest,
  type SignupView,
  signupView,
} from '@cms/signups/event-signups'
import { type ClaimInput, offerClaim, volunteer } from '@cms/signups/project-signups'
import { cms } from '../cms'
import { keptUntilContentChanges } from './memo'

/** A resident's sign-up from the site's form; the attempt from `address` counts in its commit. */
export async function signUpForEvent(eventId: number | string, values: SignupRequest, address: string) {
  return signUp(await cms(), eventId, { ...values, channel: 'online' }, { attemptFrom: address })
}

export async function lookUpSignupBy(code: string, digits: string) {
  return lookUpSignup(await cms(), code, digits)
}

export async function cancelSignupBy(code: string, digits: string) {
  return cancelSignup(await cms(), code, digits)
}

/**
 * A sign-up's result page, by its code alone: it shows status, place in the queue and the event,
 * never a name or a number, so the code is all it needs.
 */
export async function signupByCode(code: string): Promise<{ signup: SignupView; event: Event } | null> {
  const payload = await cms()
  const signup = await signupView(payload, code)
  if (!signup) return null
  const event = await payload.findByID({
    collection: 'events',
    id: signup.eventId,
    depth: 1,
    locale: 'zh',
    overrideAccess: true,
  })
  return { signup, event }
}

export async function volunteerFor(projectId: number | string, values: Parameters<typeof volunteer>[2]) {
  return volunteer(await cms(), projectId, values)
}

export async function offerClaimFor(projectId: number | string, values: ClaimInput) {
  return offerClaim(await cms(), projectId, values)
}

/** The organisations whose claim staff accepted: their name and offer only, never the contact. */
export const acceptedClaims = keptUntilContentChanges(
  async (projectId: number): Promise<{ organisation: string; offer: string; date: string }[]> => {
    // Claims are not public (they hold a contact): read with the CMS's rights, three fields only.
    const { docs } = await (
      await cms()
    ).find({
      collection: 'project-claims',
      where: { project: { equals: projectId }, status: { equals: 'accepted' } },
      sort: 'updatedAt',
      limit: 50,
      depth: 0,
      overrideAccess: true,
      select: { organisation: true, offer: true, updatedAt: true },
    })
    return docs.map((doc) => ({ organisation: doc.organisation, offer: doc.offer, date: doc.updatedAt }))
  },
)
