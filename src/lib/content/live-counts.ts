/**
 * What residents' sign-ups move on the documents pages show: an event's seats and waiting list, a
 * project's volunteer places. The documents themselves are kept until a document changes
 * (memo.ts); these few numbers are read apart, kept only until the content version moves (any
 * sign-up, cancellation or volunteer place moves it), and laid over the kept documents. So a page
 * rendered just after a sign-up reads two numbers an event, not the events again.
 */
import type { Event, Project } from '@cms/payload-types'
import { findPublished } from '../cms'
import { deepFreeze, keptUntilContentChanges } from './memo'

type Seats = Pick<Event, 'seatsTaken' | 'waitingCount'>
type SeatsHolder = { id: number } & Partial<Seats>

/** The seats of the events named (ids joined by commas), as they stand now. */
const seatsOf = keptUntilContentChanges(async (ids: string): Promise<Map<number, Seats>> => {
  const { docs } = await findPublished({
    collection: 'events',
    where: { id: { in: ids.split(',') } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { seatsTaken: true, waitingCount: true },
  })
  return new Map(docs.map((doc) => [doc.id, { seatsTaken: doc.seatsTaken, waitingCount: doc.waitingCount }]))
})

/** The last seats laid over each kept list of events, and the list that gave. */
const seatedLists = new WeakMap<object, { seats: Map<number, Seats>; seated: readonly object[] }>()

/**
 * The events with their seats and waiting lists as they stand now. For a kept (frozen) list, the
 * same list back for the same seats: a busy month's hundreds of events are looked at once per
 * sign-up, not once per page, and are the list itself while none of their seats has moved.
 */
export async function withCurrentSeats<T extends SeatsHolder>(events: readonly T[]): Promise<readonly T[]> {
  if (events.length === 0) return events
  const seats = await seatsOf(idsKey(events))
  const last = seatedLists.get(events)
  if (last?.seats === seats) return last.seated as readonly T[]
  let moved = false
  const seated = events.map((event) => {
    const now = seats.get(event.id)
    // Most kept events' seats have not moved: those are passed on as they are, not copied.
    if (!now || (now.seatsTaken === event.seatsTaken && now.waitingCount === event.waitingCount)) return event
    moved = true
    return overlaid(
      event,
      now,
      (last) => last.seatsTaken === now.seatsTaken && last.waitingCount === now.waitingCount,
    )
  })
  const result = moved ? seated : events
  if (Object.isFrozen(events)) seatedLists.set(events, { seats, seated: Object.freeze(result) })
  return result
}

/** One event with its seats as they stand now. */
export async function withCurrentSeatsOf<T extends SeatsHolder>(event: T): Promise<T> {
  return (await withCurrentSeats([event]))[0]!
}

type Places = Map<string, number | null | undefined>

/** How many places each volunteer role of the projects named has filled, by the role's row id. */
const placesOf = keptUntilContentChanges(async (ids: string): Promise<Places> => {
  const { docs } = await findPublished({
    collection: 'projects',
    where: { id: { in: ids.split(',') } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { volunteerRoles: { filled: true } },
  })
  return new Map(
    docs.flatMap((doc) => (doc.volunteerRoles ?? []).map((role) => [String(role.id), role.filled] as const)),
  )
})

/** The projects with their volunteer places as they stand now. */
export async function withCurrentPlaces<T extends Pick<Project, 'id' | 'volunteerRoles'>>(
  projects: T[],
): Promise<T[]> {
  if (!projects.some((project) => project.volunteerRoles?.length)) return projects
  const places = await placesOf(idsKey(projects))
  const moved = (role: { id?: string | null; filled?: number | null }) =>
    places.has(String(role.id)) && places.get(String(role.id)) !== role.filled
  // As with seats: a kept project whose places have not moved is passed on as it is, not copied.
  return projects.map((project) =>
    !project.volunteerRoles?.some(moved)
      ? project
      : overlaid(
          project,
          {
            volunteerRoles: project.volunteerRoles.map((role) =>
              moved(role) ? { ...role, filled: places.get(String(role.id)) } : role,
            ),
          },
          (last) =>
            (last.volunteerRoles ?? []).every(
              (role) => !places.has(String(role.id)) || places.get(String(role.id)) === role.filled,
            ),
        ),
  )
}

/**
 * A kept document with numbers laid over it. The same document with the same numbers gives the
 * same object, frozen like the document: so, after a sign-up, every other event of a list is still
 * the object it was, and the HTML kept with it (src/lib/kept-markup.ts) is still good.
 */
const overlays = new WeakMap<object, object>()
function overlaid<T extends object>(doc: T, numbers: object, stillSo: (last: T) => boolean): T {
  const last = overlays.get(doc) as T | undefined
  if (last && stillSo(last)) return last
  const copy = { ...doc, ...numbers } as T
  if (!Object.isFrozen(doc)) return copy
  overlays.set(doc, deepFreeze(copy))
  return copy
}

/** The documents' ids as one memo key, in a fixed order; worked out once for a kept (frozen) list. */
const keysOfKept = new WeakMap<object, string>()
function idsKey(docs: ReadonlyArray<{ id: number | string }>): string {
  let key = keysOfKept.get(docs)
  if (key === undefined) {
    key = docs
      .map((doc) => String(doc.id))
      .sort()
      .join(',')
    if (Object.isFrozen(docs)) keysOfKept.set(docs, key)
  }
  return key
}
