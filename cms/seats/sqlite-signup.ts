/**
 * A resident's online sign-up on the embedded database, as one group-committed job of the writer
 * (cms/sqlite-writer.ts): the event read once inside the transaction, the rules of
 * cms/rules/signup.ts applied to what it says at that moment, one guarded UPDATE for the seat or
 * the queue, one INSERT. Nothing is answered before the shared COMMIT has succeeded.
 *
 * Why not `payload.create`: it costs about 50 ms of this process per sign-up (hooks, validation,
 * re-reads), so a crowd of 50 waited seconds. The rules are the same ones the registration hooks
 * apply for the admin and the API (cms/seats/index.ts); only the plumbing is shorter.
 */
import { bumpContentVersionRaw } from '../content-version'

import { confirmationCode } from '../rules/confirmation-code'
import { TOO_MANY_ATTEMPTS } from '../rules/rate-limit'
import { refusal } from '../rules/refusal'
import { checkSignup, REFUSED, signupState, type SignupEvent, type SignupInput } from '../rules/signup'
import type { RawTransaction, Writer } from '../sqlite-writer'
import { activeKeyOf, type Registered } from './keys'

const EVENT_COLUMNS = `id, centre_id, _status, status, start, "end", capacity, max_party_size, waiting_list,
  signup_opens, signup_closes, seats_taken, waiting_count`

function eventOf(
  row: Record<string, unknown>,
): SignupEvent & { id: number; centre: number | null; published: boolean } {
  const number = (value: unknown) => (value === null || value === undefined ? 0 : Number(value))
  return {
    id: Number(row.id),
    centre: row.centre_id === null ? null : Number(row.centre_id),
    published: row._status === 'published',
    status: row.status as string | null,
    start: String(row.start),
    end: String(row.end),
    capacity: number(row.capacity),
    maxPartySize: number(row.max_party_size) || 1,
    waitingList: Boolean(Number(row.waiting_list)),
    signupOpens: (row.signup_opens as string | null) ?? null,
    signupCloses: (row.signup_closes as string | null) ?? null,
    seatsTaken: number(row.seats_taken),
    waitingCount: number(row.waiting_count),
  }
}

/** The waiting parties ahead of a sign-up, itself included: its place in the queue. */
export async function sqliteQueuePlace(tx: RawTransaction, eventId: number, id: number): Promise<number> {
  const { rows } = await tx.execute({
    sql: `SELECT COUNT(*) AS place FROM registrations WHERE event_id = ? AND status = 'waiting' AND id <= ?`,
    args: [eventId, id],
  })
  return Number(rows[0]?.place ?? 0)
}

async function earlierSignup(
  tx: RawTransaction,
  eventId: number,
  phone: string,
): Promise<Registered | undefined> {
  const { rows } = await tx.execute({
    sql: 'SELECT id, code, status, party_size, channel FROM registrations WHERE active_key = ?',
    args: [activeKeyOf(eventId, phone)],
  })
  const row = rows[0]
  if (!row) return undefined
  const status = row.status as Registered['status']
  return {
    id: Number(row.id),
    code: String(row.code),
    status,
    partySize: Number(row.party_size),
    channel: String(row.channel),
    position: status === 'waiting' ? await sqliteQueuePlace(tx, eventId, Number(row.id)) : undefined,
    created: false,
  }
}

/**
 * The sign-up as one job of the writer. With `admit` (the form rate limit's count, see
 * cms/rate-limit/form-limiter.ts) the attempt is counted in the same job, so one COMMIT answers
 * both instead of two in a row; a refused sign-up undoes only its own statements (a savepoint of
 * its own), so a refusal still counts as an attempt. `admit` saying no refuses with 429.
 */
export async function signUpOnSqlite(
  writer: Writer,
  eventId: number,
  input: SignupInput,
  admit?: (tx: RawTransaction) => Promise<boolean>,
): Promise<Registered> {
  if (!admit) return writer.batched((tx) => signUpIn(tx, eventId, input))
  const result = await writer.batched(async (tx) => {
    if (!(await admit(tx))) return { limited: true as const }
    await tx.execute('SAVEPOINT signup_attempt')
    try {
      const registered = await signUpIn(tx, eventId, input)
      await tx.execute('RELEASE signup_attempt')
      return { registered }
    } catch (error) {
      await tx.execute('ROLLBACK TO signup_attempt')
      await tx.execute('RELEASE signup_attempt')
      return { refused: error }
    }
  })
  // Answered only now, after the COMMIT that holds the count (and the sign-up, if any).
  if ('limited' in result) throw refusal(TOO_MANY_ATTEMPTS, 429)
  if ('refused' in result) throw result.refused
  return result.registered
}

async function signUpIn(tx: RawTransaction, eventId: number, input: SignupInput): Promise<Registered> {
  const { rows } = await tx.execute({
    sql: `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`,
    args: [eventId],
  })
  if (!rows[0] || rows[0]._status !== 'published') {
    throw refusal({ zh: '没有找到这个活动。', en: 'No such event.' }, 404)
  }
  const event = eventOf(rows[0])
  const checked = checkSignup(input, event.maxPartySize ?? 1)
  if (!checked.ok)
    throw Object.assign(
      refusal({ zh: '报名信息需要修改，请看下面的提示。', en: 'Please correct the marked fields.' }),
      { fieldErrors: checked.errors },
    )
  const { name, phone, partySize } = checked.value

  // A double tap, the back button, a retry after a lost answer: the first sign-up stands.
  const earlier = await earlierSignup(tx, event.id, phone)
  if (earlier) return earlier

  const state = signupState(event)
  if (state !== 'open' && state !== 'waiting') throw refusal(REFUSED[state], REFUSED[state].status)

  // A newcomer takes a seat only when nobody is waiting: it never overtakes the queue.
  const seated = await tx.execute({
    sql: `UPDATE events SET seats_taken = COALESCE(seats_taken, 0) + ?
      WHERE id = ? AND COALESCE(seats_taken, 0) + ? <= capacity AND COALESCE(waiting_count, 0) <= 0`,
    args: [partySize, event.id, partySize],
  })
  let status: 'confirmed' | 'waiting' = 'confirmed'
  if (seated.rowsAffected !== 1) {
    if (!event.waitingList) throw refusal(REFUSED.full, REFUSED.full.status)
    status = 'waiting'
    await tx.execute({
      sql: 'UPDATE events SET waiting_count = COALESCE(waiting_count, 0) + ? WHERE id = ?',
      args: [partySize, event.id],
    })
  }

  const now = new Date().toISOString()
  for (let attempt = 0; ; attempt += 1) {
    const code = confirmationCode()
    try {
      const inserted = await tx.execute({
        sql: `INSERT INTO registrations (event_id, code, name, phone, party_size, status, channel, consent,
            centre_id, active_key, updated_at, created_at)
          VALUES (?, ?, ?, ?, ?, ?, 'online', 1, ?, ?, ?, ?) RETURNING id`,
        args: [
          event.id,
          code,
          name,
          phone,
          partySize,
          status,
          event.centre,
          activeKeyOf(event.id, phone),
          now,
          now,
        ],
      })
      const id = Number(inserted.rows[0]!.id)
      await bumpContentVersionRaw(tx) // the seats shown on the site changed
      return {
        id,
        code,
        status,
        partySize,
        channel: 'online',
        position: status === 'waiting' ? await sqliteQueuePlace(tx, event.id, id) : undefined,
        created: true,
      }
    } catch (error) {
      // Two codes alike out of 887 million: draw another. Anything else is a real failure.
      const clash = /UNIQUE constraint failed: registrations\.code/.test(String((error as Error).message))
      if (!clash || attempt >= 3) throw error
    }
  }
}
