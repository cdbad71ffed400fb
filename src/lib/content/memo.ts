/**
 * What the site read of documents, kept until a document changes.
 *
 * The render cache (scripts/lib/page-cache.ts) drops every page when the content version moves,
 * and on a busy sign-up day it moves many times a second: each sign-up changes the seats a page
 * shows. The pages are rendered again, but most of what they read — the centres, the site
 * settings, conventions, case studies — did not change. Loaders of such data are wrapped here:
 * their results are kept until the documents version moves (cms/content-version.ts: a document
 * published, edited or deleted; never seats, volunteer places or claims), so a page rendered after
 * a sign-up reads only what the sign-up changed.
 *
 * Events and projects are kept too, but without trusting their seats and volunteer places: those
 * are read apart, kept only until the content version moves (live-counts.ts), and laid over them.
 * Never for previews. Kept at most a minute, for what moves with the clock ("open now", "in force").
 */
import { type ContentVersionReader, openContentVersionReader } from '@cms/content-version'
import { database } from '@cms/settings'

const MAX_AGE_MS = 60_000
/** More distinct argument lists than the site's filters make; past it, the oldest go. */
const MAX_ENTRIES = 500

let versionReader: Promise<ContentVersionReader> | undefined
async function reader(): Promise<ContentVersionReader | null> {
  try {
    return await (versionReader ??= openContentVersionReader(database))
  } catch {
    versionReader = undefined // e.g. the database file is not there yet: try again next time
    return null
  }
}

/** The documents version, or null when it cannot be read (then nothing is kept). */
export async function documentsVersion(): Promise<number | null> {
  return (await reader())?.readDocuments() ?? null
}

/** The content version (documents and seats alike), or null when it cannot be read. */
async function contentVersion(): Promise<number | null> {
  return (await reader())?.read() ?? null
}

/**
 * A version read once per render (renderReads), not once per loader: a list page calls half a
 * dozen kept loaders, and every one of them read the database for it. The loaders of one page
 * then also agree on one moment; a change committed during the render is seen by the next one.
 * So a page that writes answers with a redirect (post/redirect/get), as every form here does, and
 * never shows what it wrote from the render that wrote it.
 *
 * That holds while one render is open, which on SQLite is always: its reads are synchronous, and
 * the site starts one render per turn of the event loop (scripts/lib/render-queue.ts), so a render
 * ends before the next begins. Renders that overlap (MongoDB, where they wait on the network)
 * cannot tell whose loader is asking; each turn of the event loop then reads once.
 */
function oncePerRender(name: 'documents' | 'content', read: () => Promise<number | null>) {
  return () => {
    const versions = openRenders.size === 1 ? openRenders.values().next().value!.versions : versionsOfTurn()
    return (versions[name] ??= read())
  }
}

type Versions = Partial<Record<'documents' | 'content', Promise<number | null>>>
let turnVersions: Versions | undefined
function versionsOfTurn(): Versions {
  if (!turnVersions) {
    turnVersions = {}
    setImmediate(() => {
      turnVersions = undefined
    })
  }
  return turnVersions
}

type Kept = { version: number; at: number; value: Promise<unknown> }
type Key = string | number | boolean | undefined

/**
 * `load`, with its results kept per argument list until `versionOf` moves. Every caller gets the
 * same result, frozen all the way down: a page that tried to change it in place (sort it, trim it)
 * would fail at once with a TypeError, in tests too, instead of changing what the next page gets.
 * Frozen rather than copied: copying a list of centres for every page cost a quarter of a render.
 */
function keptUntil<Args extends Key[], T>(
  versionOf: () => Promise<number | null>,
  load: (...args: Args) => Promise<T>,
): (...args: Args) => Promise<T> {
  const kept = new Map<string, Kept>()
  return async (...args: Args) => {
    const version = await versionOf()
    if (version === null) return load(...args)
    const key = JSON.stringify(args)
    const now = Date.now()
    let entry = kept.get(key)
    if (!entry || entry.version !== version || now - entry.at >= MAX_AGE_MS) {
      if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!)
      entry = { version, at: now, value: load(...args).then(deepFreeze) }
      kept.set(key, entry)
      const settled = entry
      // A failed read is not kept: the next caller tries again.
      settled.value.catch(() => kept.get(key) === settled && kept.delete(key))
    }
    return (await entry.value) as T
  }
}

/** Freezes what is not frozen yet, all the way down; what is already frozen is passed over. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of value instanceof Map ? value.values() : Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** For documents: kept until a document is published, edited or deleted. */
export const keptUntilDocumentsChange = <Args extends Key[], T>(load: (...args: Args) => Promise<T>) =>
  keptUntil(documentsVersionOfRender, load)

/**
 * For what residents' sign-ups move (seats, volunteer places): kept until anything changes. Such
 * reads are kept apart and small (live-counts.ts), so that after a sign-up a page reads again only
 * the counts, not the documents around them.
 */
export const keptUntilContentChanges = <Args extends Key[], T>(load: (...args: Args) => Promise<T>) => {
  const kept = keptUntil(contentVersionOfRender, load)
  return (...args: Args) => {
    readsLiveCounts()
    return kept(...args)
  }
}

/**
 * Whether a page shows only documents, so that the render cache may keep it through sign-ups.
 *
 * A sign-up moves the content version but not the documents version; the render cache
 * (scripts/lib/page-cache.ts) drops only the pages that read something a sign-up can change. A
 * render read live counts if, while it was open, a loader kept until the content changes was
 * called (seats, places, claims, ratings, figures), or the database was read through any door but
 * the one for documents (src/lib/cms.ts: `findDocuments`, `documentsCms`, which the loaders kept
 * until the documents change use). So a page is trusted with sign-ups only when every read it made
 * is declared to be of documents; a new read written with the ordinary doors counts as live.
 *
 * Every live read marks every render open at the time. On SQLite one render is open at a time
 * (see oncePerRender); renders that overlap on MongoDB mark each other, which may keep a page of
 * documents for less long than it could be kept, never a page of live counts for too long.
 * No AsyncLocalStorage: in Node 20 any use of it turns on promise hooks for the whole process,
 * which cost every render of every page 5–12% (and an eighth of what it allocates).
 */
type RenderReads = { live: boolean; versions: Versions }
const openRenders = new Set<RenderReads>()
const documentsVersionOfRender = oncePerRender('documents', documentsVersion)
const contentVersionOfRender = oncePerRender('content', contentVersion)

function readsLiveCounts(): void {
  for (const reads of openRenders) reads.live = true
}

/** Called by every read of the database through the site's ordinary doors (src/lib/cms.ts). */
export function readsDatabase(): void {
  readsLiveCounts()
}

/** Runs a render, and says whether everything it read was documents. */
export async function renderReads<T>(
  render: () => Promise<T>,
): Promise<{ result: T; documentsOnly: boolean }> {
  const reads: RenderReads = { live: false, versions: {} }
  openRenders.add(reads)
  try {
    const result = await render()
    return { result, documentsOnly: !reads.live }
  } finally {
    openRenders.delete(reads)
  }
}
