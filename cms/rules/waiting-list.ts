/**
 * 候补递补: who moves from the waiting list to a seat when seats free up (a cancellation, a
 * larger capacity, a party that shrank).
 *
 * First come, first served, and a party is never split: waiting parties are taken in the order
 * they signed up; a party larger than the seats still free is passed over for now, keeps its
 * place at the head of the queue, and a later, smaller party that fits is seated instead, so a
 * free seat is never left empty while someone who fits is waiting.
 */
export type WaitingParty<Id = number | string> = { id: Id; partySize: number }

export function partiesToPromote<P extends WaitingParty<unknown>>(
  freeSeats: number,
  queue: readonly P[],
): P[] {
  const promoted: P[] = []
  let free = Math.max(0, Math.floor(freeSeats))
  for (const party of queue) {
    if (free === 0) break
    const size = Math.max(1, party.partySize)
    if (size <= free) {
      promoted.push(party)
      free -= size
    }
  }
  return promoted
}

/** A waiting party's place in the queue, 1 for the next in line. */
export function queuePosition<Id>(queue: readonly WaitingParty<Id>[], id: Id): number | undefined {
  const index = queue.findIndex((party) => String(party.id) === String(id))
  return index === -1 ? undefined : index + 1
}

/** The rule in words, for the event page. */
export const WAITING_LIST_RULE = {
  zh: '名额报满后，新的报名进入候补名单。有人取消或中心增加名额时，系统按报名先后自动递补；同一次报名的几个人一起递补、不会拆开。如果排在前面的一组人数多于空出的名额，先递补后面人数合适的报名，排在前面的这组保留原来的位置。递补成功后，用确认码查询即可看到“已确认”。',
  en: 'Once the seats are taken, new sign-ups join a waiting list. When someone cancels or the centre adds seats, waiting sign-ups are moved up automatically in the order they came; a party is never split. If the party next in line is larger than the seats that came free, the next party that fits is seated and the larger one keeps its place.',
}
