/**
 * The door's side of check-in, around the sign-up rules: before a code is checked in, its session
 * must be today's and at the staff member's centre (cms/rules/check-in.ts); after, the answer says
 * which session, for how many, and whose (masked) name, so the volunteer can tell a wrong code.
 */
import type { Payload, PayloadRequest } from 'payload'

import { centreIdsOf, isDistrictAdmin } from '../access'
import type { Centre, Event, Registration } from '../payload-types'
import { checkInVerdict, maskedName } from '../rules/check-in'
import type { Bilingual } from '../rules/refusal'
import { sessionTime } from '../rules/shanghai-time'
import { cleanCode } from './event-signups'

export type DoorView = {
  eventTitle: string
  eventStart: string
  eventEnd?: string | null
  /** "12月2日 周三 09:00" in the staff member's language. */
  when: string
  maskedName: string
  partySize: number
}

export type DoorCheck =
  { ok: true; value: DoorView } | { ok: false; status: number; message: Bilingual } | undefined

/** Undefined when no sign-up has the code: the check-in itself then answers "not found". */
export async function doorCheck(
  payload: Payload,
  code: string,
  req: PayloadRequest,
  lang: 'zh' | 'en',
  now = new Date(),
): Promise<DoorCheck> {
  const clean = cleanCode(code)
  if (!clean) return undefined
  // Read past access on purpose: a code of another centre is refused with that reason, not "unknown".
  const { docs } = await payload.find({
    collection: 'registrations',
    where: { code: { equals: clean } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const registration = docs[0] as Registration | undefined
  if (!registration) return undefined
  const eventId = typeof registration.event === 'object' ? registration.event.id : registration.event
  const event = (await payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 1,
    draft: true,
    overrideAccess: true,
    locale: lang,
  })) as Event
  const centre = event.centre as Centre | number
  const verdict = checkInVerdict(
    {
      title: event.title,
      start: event.start,
      end: event.end,
      centre: typeof centre === 'object' ? centre.id : centre,
      centreName: typeof centre === 'object' ? centre.name : undefined,
    },
    { centres: isDistrictAdmin(req) ? 'all' : centreIdsOf(req), now },
  )
  if (!verdict.ok) return { ok: false, status: 409, message: verdict.message }
  return {
    ok: true,
    value: {
      eventTitle: event.title,
      eventStart: event.start,
      eventEnd: event.end,
      when: sessionTime(event.start, lang),
      maskedName: maskedName(registration.name ?? ''),
      partySize: registration.partySize,
    },
  }
}
