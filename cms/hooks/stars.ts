/**
 * A centre's current stars are those of its latest published evaluation (rules/rubric.ts computes
 * them). They are derived, never typed in: worked out from the evaluations whenever a centre is
 * saved or an evaluation changes (created, edited, published, moved, deleted), and kept on the
 * centre's own row. Reads take the row as it is: a list of centres costs no query per centre.
 */
import type { FieldHook, Payload, PayloadRequest } from 'payload'

type Id = number | string
export type CurrentRating = { stars: number; period: string }

type EvaluationRow = { centre: Id | { id: Id }; stars: number; year: number; half: string | number }

const centreIdOf = (centre: EvaluationRow['centre']): Id => (typeof centre === 'object' ? centre.id : centre)

/** The latest published rating of every centre, found with one query. */
export async function currentRatings(
  payload: Payload,
  req?: PayloadRequest,
): Promise<Map<string, CurrentRating>> {
  const { docs } = await payload.find({
    collection: 'evaluations',
    where: { published: { equals: true } },
    sort: '-periodKey',
    limit: 0,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { centre: true, stars: true, year: true, half: true },
    req,
  })
  const ratings = new Map<string, CurrentRating>()
  for (const row of docs as unknown as EvaluationRow[]) {
    const key = String(centreIdOf(row.centre))
    if (!ratings.has(key)) ratings.set(key, { stars: row.stars, period: `${row.year}-${row.half}` })
  }
  return ratings
}

const CACHE = 'mulin:currentRatings'

/** Once per request: a list of 60 centres costs one query, not sixty. */
function cachedRatings(req: PayloadRequest): Promise<Map<string, CurrentRating>> {
  const context = req.context as Record<string, unknown>
  context[CACHE] ??= currentRatings(req.payload, req)
  return context[CACHE] as Promise<Map<string, CurrentRating>>
}

export async function ratingOf(
  req: PayloadRequest,
  centreId: Id | undefined,
): Promise<CurrentRating | undefined> {
  if (centreId === undefined) return undefined
  return (await cachedRatings(req)).get(String(centreId))
}

/** Field hooks for `stars` and `starsPeriod` on centres: what a save stores, whatever was sent. */
export function derivedRatingField(part: keyof CurrentRating): { beforeChange: FieldHook[] } {
  const derive: FieldHook = async ({ req, originalDoc, data }) => {
    const id = (originalDoc as { id?: Id } | undefined)?.id ?? (data as { id?: Id } | undefined)?.id
    return (await ratingOf(req, id))?.[part] ?? null
  }
  return { beforeChange: [derive] }
}

/** After an evaluation changes: copy the centre's current rating onto the centre's row. */
export async function storeCurrentRating(req: PayloadRequest, centreId: Id): Promise<void> {
  delete (req.context as Record<string, unknown>)[CACHE]
  const rating = (await currentRatings(req.payload, req)).get(String(centreId))
  await req.payload.db.updateOne({
    collection: 'centres',
    id: centreId,
    data: { stars: rating?.stars ?? null, starsPeriod: rating?.period ?? null },
    req,
  })
}
