/**
 * Loads the demo district from content/*.yaml (format: content/README.md). Idempotent: documents
 * are matched by their natural key (a slug, an email, a reference, an event key) and updated in
 * place, so seeding twice changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type CollectionSlug, createLocalReq, type Payload, type Where } from 'payload'
import { parse } from 'yaml'

import { anonymisePersonalData } from '../jobs/anonymise-personal-data'
import { activeKeyOf } from '../seats/keys'
import { recountSeats } from '../seats'
import { confirmationCode } from '../rules/confirmation-code'
import { contentDir } from '../settings'
import { addDays, addMinutes, shanghaiDateTime } from './dates'
import { hasTranslations, inLocale, type Json, withRowIds } from './localized'
import { richTextFromParagraphs } from './rich-text'

export type SeedOptions = {
  /** Delete what the seed manages before loading it again. */
  reset?: boolean
  /** Create the demo staff accounts; they need `demoPassword`. */
  demoAccounts?: boolean
  demoPassword?: string
  /** The day events are dated from (default: now). */
  now?: Date
  /** Where the YAML files are (default: content/). */
  contentDir?: string
  log?: (line: string) => void
}

export type SeedReport = Record<string, { created: number; updated: number }>

type Id = number | string
type Entry = Record<string, Json>
type Translated = { zh: string; en?: string }

function readContent<T = Entry[]>(directory: string, file: string, fallback: T): T {
  const full = path.join(directory, file)
  if (!existsSync(full)) return fallback
  return (parse(readFileSync(full, 'utf8')) as T | null) ?? fallback
}

/** True when the database holds no centres and no staff: a new installation. */
export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [centres, users] = await Promise.all([
    payload.count({ collection: 'centres', overrideAccess: true }),
    payload.count({ collection: 'users', overrideAccess: true }),
  ])
  return centres.totalDocs === 0 && users.totalDocs === 0
}

/** Collections the seed owns, in an order they can be deleted without dangling references. */
const SEEDED: CollectionSlug[] = [
  'registrations',
  // Residents' offers to projects: personal data that must go with the projects they name.
  'volunteers',
  'project-claims',
  'events',
  'evaluations',
  'conventions',
  'visit-requests',
  'case-studies',
  'projects',
  'users',
  'neighbourhoods',
  'centres',
  'sub-districts',
]

/** Maps a translated long text onto Lexical rich text in each language. */
function richText(value: Json | undefined): Json | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return richTextFromParagraphs(value) as unknown as Json
  const { zh, en } = value as Translated
  return {
    zh: richTextFromParagraphs(zh),
    ...(en ? { en: richTextFromParagraphs(en) } : {}),
  } as unknown as Json
}

const wrap = (key: string, list: Json | undefined): Json[] =>
  ((list as Json[] | undefined) ?? []).map((item) => ({ [key]: item }))

const FAKE_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗'
const FAKE_GIVEN = [
  '秀英',
  '建国',
  '桂兰',
  '志强',
  '玉珍',
  '国平',
  '美华',
  '文斌',
  '丽娟',
  '德明',
  '淑芬',
  '海燕',
  '小红',
  '伟',
  '静',
]

export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {})
  const now = options.now ?? new Date()
  const report: SeedReport = {}
  const read = <T>(file: string, fallback: T): T =>
    readContent(options.contentDir ?? contentDir, file, fallback)
  const tally = (collection: string, created: boolean) => {
    report[collection] ??= { created: 0, updated: 0 }
    report[collection][created ? 'created' : 'updated'] += 1
  }

  async function upsert(
    collection: CollectionSlug,
    where: Where,
    data: Entry,
    { publish = true }: { publish?: boolean } = {},
  ): Promise<{ id: Id; created: boolean }> {
    const drafts = Boolean(payload.collections[collection]?.config.versions?.drafts)
    const status = drafts ? { _status: publish ? 'published' : 'draft' } : {}
    // The seed writes many collections through one path, so document shapes are checked by
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
    const common = {
      collection,
      locale: 'zh' as const,
      depth: 0,
      overrideAccess: true,
      draft: drafts && !publish,
      // Hooks can tell demo content from real activity (e.g. no staff email for a demo request).
      context: { seeding: true },
    }
    const saved: { id: Id } = found
      ? await payload.update({ ...common, id: found.id, data: zh })
      : await payload.create({ ...common, data: zh })
    if (hasTranslations(data)) {
      const en = { ...(withRowIds(inLocale(data, 'en'), saved) as object), ...status } as never
      await payload.update({ ...common, id: saved.id, data: en, locale: 'en' })
    }
    tally(collection, !found)
    return { id: saved.id, created: !found }
  }

  const lookup = (map: Map<string, Id>, kind: string, key: Json | undefined, where: string): Id => {
    const id = map.get(String(key))
    if (id === undefined) throw new Error(`content/${where}: unknown ${kind} "${String(key)}"`)
    return id
  }

  if (options.reset) {
    const demoEmails = read<Array<{ email: string }>>('users.yaml', []).map((user) => user.email)
    for (const collection of SEEDED) {
      // Real staff accounts survive a reset; only the demo ones are removed.
      const where: Where = collection === 'users' ? { email: { in: demoEmails } } : { id: { exists: true } }
      await payload.delete({ collection, where, overrideAccess: true })
    }
    log('cleared the seeded collections')
  }

  // Places
  const subDistrictIds = new Map<string, Id>()
  for (const entry of read<Entry[]>('sub-districts.yaml', [])) {
    const { id } = await upsert('sub-districts', { slug: { equals: entry.slug } }, entry)
    subDistrictIds.set(String(entry.slug), id)
  }
  log(`sub-districts: ${subDistrictIds.size}`)

  // Centres and the neighbourhoods they serve
  const centreIds = new Map<string, Id>()
  const neighbourhoodIds = new Map<string, Id>() // key: `${centreSlug}/${name}`
  const centres = read<Entry[]>('centres.yaml', [])
  for (const entry of centres) {
    const where = `centres.yaml (${String(entry.slug)})`
    const { neighbourhoods, openingHours, description, ...profile } = entry
    const hours = ((openingHours as Entry[] | undefined) ?? []).flatMap((row) =>
      ((row.days as string[] | undefined) ?? [row.day as string]).map((day) => ({
        day,
        opens: row.opens,
        closes: row.closes,
      })),
    )
    const { id } = await upsert('centres', { slug: { equals: entry.slug } }, {
      ...profile,
      subDistrict: lookup(subDistrictIds, 'sub-district', entry.subDistrict, where),
      openingHours: hours,
      ...(description ? { description: richText(description)! } : {}),
    } as Entry)
    centreIds.set(String(entry.slug), id)
    const served: Id[] = []
    for (const name of (neighbourhoods as string[] | undefined) ?? []) {
      const nb = await upsert(
        'neighbourhoods',
        { and: [{ name: { equals: name } }, { centre: { equals: id } }] },
        { name, subDistrict: lookup(subDistrictIds, 'sub-district', entry.subDistrict, where), centre: id },
      )
      neighbourhoodIds.set(`${String(entry.slug)}/${name}`, nb.id)
      served.push(nb.id)
    }
    if (served.length > 0) {
      await payload.update({
        collection: 'centres',
        id,
        data: { neighbourhoods: served, _status: 'published' } as never,
        depth: 0,
        overrideAccess: true,
      })
    }
  }
  log(`centres: ${centreIds.size}, neighbourhoods: ${neighbourhoodIds.size}`)

  const neighbourhoodOf = (entry: Entry, where: string): Id | undefined =>
    entry.neighbourhood === undefined
      ? undefined
      : lookup(
          neighbourhoodIds,
          'neighbourhood',
          `${String(entry.centre)}/${String(entry.neighbourhood)}`,
          where,
        )

  // Evaluations (they derive each centre's stars)
  const evaluations = read<Entry[]>('evaluations.yaml', [])
  for (const entry of evaluations) {
    const where = `evaluations.yaml (${String(entry.centre)} ${String(entry.year)}-${String(entry.half)})`
    const centre = lookup(centreIds, 'centre', entry.centre, where)
    const [facilities, services, participation, governance, satisfaction] = entry.scores as number[]
    await upsert(
      'evaluations',
      {
        and: [
          { centre: { equals: centre } },
          { year: { equals: entry.year } },
          { half: { equals: String(entry.half) } },
        ],
      },
      {
        centre,
        year: entry.year,
        half: String(entry.half),
        scores: { facilities, services, participation, governance, satisfaction } as Entry,
        comments: entry.comments,
        improvementActions: wrap('action', entry.improvementActions),
        published: entry.published ?? true,
      } as Entry,
    )
  }
  log(`evaluations: ${evaluations.length}`)

  // Conventions
  const conventions = read<Entry[]>('conventions.yaml', [])
  for (const entry of conventions) {
    const where = `conventions.yaml (${String(entry.slug)})`
    await upsert(
      'conventions',
      { slug: { equals: entry.slug } },
      {
        ...entry,
        centre: lookup(centreIds, 'centre', entry.centre, where),
        neighbourhood: neighbourhoodOf(entry, where) ?? null,
        articles: wrap('text', entry.articles),
      } as Entry,
      // A convention still being drafted is not published on the site.
      { publish: entry.status !== 'draft' },
    )
  }
  log(`conventions: ${conventions.length}`)

  // Projects
  const projectIds = new Map<string, Id>()
  const projects = read<Entry[]>('projects.yaml', [])
  for (const entry of projects) {
    const where = `projects.yaml (${String(entry.slug)})`
    const { id } = await upsert('projects', { slug: { equals: entry.slug } }, {
      ...entry,
      centre: lookup(centreIds, 'centre', entry.centre, where),
      neighbourhood: neighbourhoodOf(entry, where) ?? null,
      goals: wrap('goal', entry.goals),
    } as Entry)
    projectIds.set(String(entry.slug), id)
  }
  log(`projects: ${projects.length}`)

  // Case studies
  const caseStudies = read<Entry[]>('case-studies.yaml', [])
  for (const entry of caseStudies) {
    const where = `case-studies.yaml (${String(entry.slug)})`
    await upsert('case-studies', { slug: { equals: entry.slug } }, {
      ...entry,
      themes: wrap('theme', entry.themes),
      sections: ((entry.sections as Entry[] | undefined) ?? []).map((section) => ({
        heading: section.heading,
        body: richText(section.body) ?? null,
      })),
      relatedCentres: ((entry.relatedCentres as string[] | undefined) ?? []).map((slug) =>
        lookup(centreIds, 'centre', slug, where),
      ),
      relatedProjects: ((entry.relatedProjects as string[] | undefined) ?? []).map((slug) =>
        lookup(projectIds, 'project', slug, where),
      ),
    } as Entry)
  }
  log(`case studies: ${caseStudies.length}`)

  // Events, dated from today; weekly classes become one event per week, linked as a series
  const events = read<Entry[]>('events.yaml', [])
  let eventCount = 0
  let bookedCount = 0
  let attendedCount = 0
  // Codes are unique; among the ~1,700 demo sign-ups two draws alike happen about once in 600
  // seedings, which is often enough to fail CI now and then. Never hand out one twice.
  const usedCodes = new Set<string>()
  const freshCode = () => {
    let code = confirmationCode()
    while (usedCodes.has(code)) code = confirmationCode()
    usedCodes.add(code)
    return code
  }
  for (const entry of events) {
    const where = `events.yaml (${String(entry.key)})`
    const centre = lookup(centreIds, 'centre', entry.centre, where)
    const weeks = Number(entry.weekly ?? 1)
    let first: Id | undefined
    for (let week = 0; week < weeks; week += 1) {
      const start = shanghaiDateTime(Number(entry.day) + week * 7, String(entry.start), now)
      const held = start < now
      const opens = addDays(start, -14)
      const {
        key: _key,
        day: _day,
        start: _start,
        durationMinutes,
        weekly: _weekly,
        booked,
        attended: _attended,
        ...rest
      } = entry
      const { id, created } = await upsert(
        'events',
        { seedKey: { equals: `${String(entry.key)}#${week + 1}` } },
        {
          ...rest,
          centre,
          seedKey: `${String(entry.key)}#${week + 1}`,
          start: start.toISOString(),
          end: addMinutes(start, Number(durationMinutes ?? 90)).toISOString(),
          // Sign-up for a coming event opened at the latest yesterday; a held one kept its dates.
          signupOpens: (opens < now && !held ? addDays(now, -1) : opens).toISOString(),
          signupCloses: addMinutes(start, -120).toISOString(),
          ...(first === undefined ? {} : { series: first }),
        } as Entry,
      )
      first ??= id
      eventCount += 1
      // Demo sign-ups, added once, when the event is new. A coming weekly class fills up week by
      // week: the next session is booked as given, the one after half as much, later ones not yet.
      // A held session is booked as given, and `attended` of its seats were checked in at the door.
      const seats =
        held || week === 0 ? Number(booked ?? 0) : week === 1 ? Math.floor(Number(booked ?? 0) / 2) : 0
      // Weeks of a held class differ a little, as real attendance does.
      const came = held ? Math.max(0, Math.min(seats, Number(entry.attended ?? seats) - (week % 3))) : 0
      if (created && seats > 0) {
        for (let i = 0; i < seats; i += 1) {
          // Straight into the database: these are plain demo rows, and the hooks a real sign-up
          // runs (checks, a code, a recount) would make seeding hundreds of them slow.
          const phone = `1390000${String((eventCount * 37 + i) % 10000).padStart(4, '0')}`
          await payload.db.create({
            collection: 'registrations',
            data: {
              event: id,
              centre,
              activeKey: activeKeyOf(id, phone),
              code: freshCode(),
              name: `${FAKE_SURNAMES[(eventCount + i) % FAKE_SURNAMES.length]}${FAKE_GIVEN[(eventCount * 3 + i) % FAKE_GIVEN.length]}`,
              phone,
              partySize: 1,
              // As staff check-in leaves them (cms/seats: attended sign-ups keep their seats).
              ...(i < came
                ? { status: 'attended', checkedInAt: addMinutes(start, -15 + (i % 20)).toISOString() }
                : { status: 'confirmed' }),
              channel: i % 5 === 0 ? 'staff' : 'online',
              consent: true,
            },
          })
          bookedCount += 1
          attendedCount += i < came ? 1 : 0
        }
        await recountSeats(await createLocalReq({}, payload), id)
      }
    }
  }
  log(`events: ${eventCount} (demo sign-ups: ${bookedCount}, of them checked in: ${attendedCount})`)
  // Sign-ups of events over for longer than the retention period are left as the nightly job
  // leaves them: names and numbers wiped, statuses and check-ins kept for the figures.
  const wiped = await anonymisePersonalData(payload, { now })
  if (wiped.registrations > 0)
    log(`demo sign-ups past the retention period, anonymised: ${wiped.registrations}`)

  // Study-visit requests
  const visits = read<Entry[]>('visit-requests.yaml', [])
  for (const entry of visits) {
    const where = `visit-requests.yaml (${String(entry.reference)})`
    await upsert('visit-requests', { reference: { equals: entry.reference } }, {
      ...entry,
      topics:
        typeof entry.topics === 'object' && entry.topics !== null
          ? (entry.topics as Translated).zh
          : entry.topics,
      preferredDates: wrap('date', entry.preferredDates),
      centres: ((entry.centres as string[] | undefined) ?? []).map((slug) =>
        lookup(centreIds, 'centre', slug, where),
      ),
    } as Entry)
  }
  log(`visit requests: ${visits.length}`)

  // The site global
  const site = read<Entry | null>('site.yaml', null)
  if (site) {
    await payload.updateGlobal({
      slug: 'site',
      data: inLocale(site, 'zh') as never,
      locale: 'zh',
      overrideAccess: true,
    })
    const saved = await payload.findGlobal({ slug: 'site', locale: 'zh', depth: 0, overrideAccess: true })
    await payload.updateGlobal({
      slug: 'site',
      data: withRowIds(inLocale(site, 'en'), saved) as never,
      locale: 'en',
      overrideAccess: true,
    })
    log('site settings')
  }

  // Demo staff accounts
  if (options.demoAccounts) {
    if (!options.demoPassword) throw new Error('Demo accounts need a password (DEMO_PASSWORD).')
    const users = read<Array<{ email: string; name: string; roles: string[]; centres?: string[] }>>(
      'users.yaml',
      [],
    )
    for (const user of users) {
      const where = `users.yaml (${user.email})`
      await upsert(
        'users',
        { email: { equals: user.email } },
        {
          email: user.email,
          name: user.name,
          roles: user.roles,
          centres: (user.centres ?? []).map((slug) => lookup(centreIds, 'centre', slug, where)),
          password: options.demoPassword,
        },
      )
    }
    log(`demo staff accounts: ${users.length}`)
  }
  return report
}
