/**
 * What a sign-up holds and how the database tells active sign-ups apart: shared by the sign-up
 * paths (cms/seats/), the registration hooks, the volunteer hooks, the nightly anonymisation and
 * the seed, so each is written once.
 */
export type Id = number | string

export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled' | 'attended'

/** What a sign-up in a status holds: seats (confirmed, attended) or places in the queue. */
export type Holding = { seats: number; waiting: number }

export function holding(status: string | null | undefined, partySize: number | null | undefined): Holding {
  const size = Math.max(1, partySize ?? 1)
  if (status === 'confirmed' || status === 'attended') return { seats: size, waiting: 0 }
  if (status === 'waiting') return { seats: 0, waiting: size }
  return { seats: 0, waiting: 0 }
}

/** The unique key of an active sign-up: one per event (or volunteer role) and mobile number. */
export const activeKeyOf = (eventId: Id, phone: string) => `${eventId}:${phone}`
/** The key of a cancelled or anonymised sign-up, which no longer blocks signing up again. */
export const closedKey = (id: Id) => `closed:${id}`

/** A sign-up as its writer reports it, once committed. */
export type Registered = {
  id: Id
  code: string
  status: RegistrationStatus
  partySize: number
  channel: string
  /** Place on the waiting list, 1 = next in line; only while waiting. */
  position?: number
  /** False when the same number had already signed up for the event: that sign-up is returned. */
  created: boolean
}
