/**
 * Loads the demo district from content/*.yaml. Idempotent: documents are matched by their
 * natural key (a slug, an email) and updated in place, so seeding twice changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload, Where } from 'payload'
import { parse } from 'yaml'

import { contentDir } from '../settings'
import { hasTranslations, inLocale, type Json, withRowIds } from './localized'

export type SeedOptions = {
  /** Delete what the seed manages before loading it again. */
  reset?: boolean
  /** Create the demo staff accounts; they need `demoPassword`. */
  demoAccounts?: boolean
  demoPassword?: string
  log?: (line: string) => void
}

export type SeedReport = Record<string, { created: number; updated: number }>

function readContent<T>(file: string): T[] {
  const full = path.join(contentDir, file)
  if (!existsSync(full)) return []
  return (parse(readFileSync(full, 'utf8')) as T[] | null) ?? []
}

/** True when the database holds no centres and no staff: a new installation. */
export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [centres, users] = await Promise.all([
    payload.count({ collection: 'centres', overrideAccess: true }),
    payload.count({ collection: 'users', overrideAccess: true }),
  ])
  return centres.totalDocs === 0 && users.totalDocs === 0
}

type Upsert = {
  collection: CollectionSlug
  where: Where
  data: Record<string, Json>
  publish?: boolean
}

async function upsert(
  payload: Payload,
  { collection, where, data, publish }: Upsert,
): Promise<{ id: number | string; created: boolean }> {
  const status = publish ? { _status: 'published' } : {}
  // The seed writes many collections through one path, so the document shapes are checked by
  // Payload's validation at run time rather than by the per-collection generics here.
  const zh = { ...(inLocale(data, 'zh') as object), ...status } as never
  const existing = await payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    draft: true,
  })
  const found = existing.docs[0]
  const saved: { id: number | string } = found
    ? await payload.update({
        collection,
        id: found.id,
        data: zh,
        locale: 'zh',
        depth: 0,
        overrideAccess: true,
      })
    : await payload.create({ collection, data: zh, locale: 'zh', depth: 0, overrideAccess: true })
  if (hasTranslations(data)) {
    const en = { ...(withRowIds(inLocale(data, 'en'), saved) as object), ...status } as never
    await payload.update({ collection, id: saved.id, data: en, locale: 'en', depth: 0, overrideAccess: true })
  }
  return { id: saved.id, created: !found }
}

type CentreSeed = { slug: string } & Record<string, Json>
type UserSeed = { email: string; name: string; roles: string[]; centres?: string[] }

/** Collections the seed owns, in the order they can be deleted without dangling references. */
const SEEDED: CollectionSlug[] = ['users', 'centres']

export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {})
  const report: SeedReport = {}
  const tally = (collection: string, created: boolean) => {
    report[collection] ??= { created: 0, updated: 0 }
    report[collection][created ? 'created' : 'updated'] += 1
  }

  if (options.reset) {
    for (const collection of SEEDED) {
      await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
      log(`cleared ${collection}`)
    }
  }

  const centreIds = new Map<string, number | string>()
  const centres = readContent<CentreSeed>('centres.yaml')
  for (const centre of centres) {
    const { id, created } = await upsert(payload, {
      collection: 'centres',
      where: { slug: { equals: centre.slug } },
      data: centre,
      publish: true,
    })
    centreIds.set(centre.slug, id)
    tally('centres', created)
  }
  log(`centres: ${centres.length}`)

  if (options.demoAccounts) {
    if (!options.demoPassword) throw new Error('Demo accounts need a password (DEMO_PASSWORD).')
    const users = readContent<UserSeed>('users.yaml')
    for (const user of users) {
      const centresOfUser = (user.centres ?? []).map((slug) => {
        const id = centreIds.get(slug)
        if (id === undefined)
          throw new Error(`content/users.yaml: ${user.email} names unknown centre "${slug}"`)
        return id
      })
      const { created } = await upsert(payload, {
        collection: 'users',
        where: { email: { equals: user.email } },
        data: {
          email: user.email,
          name: user.name,
          roles: user.roles,
          centres: centresOfUser as Json[],
          password: options.demoPassword,
        },
      })
      tally('users', created)
    }
    log(`demo staff accounts: ${users.length}`)
  }
  return report
}
