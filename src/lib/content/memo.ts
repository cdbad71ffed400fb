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
 * Never for anything that shows seats, places or claims (events, projects), nor for previews.
 * Kept at most a minute, for what moves with the clock ("open now", "in force").
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

type Kept = { version: number; at: number; value: Promise<unknown> }

/**
 * `load`, with its results kept per argument list until the documents version moves. Each caller
 * gets a copy of its own, so a page that sorts or trims what it got cannot change what the next
 * page gets.
 */
export function keptUntilDocumentsChange<Args extends Array<string | number | boolean | undefined>, T>(
  load: (...args: Args) => Promise<T>,
): (...args: Args) => Promise<T> {
  const kept = new Map<string, Kept>()
  return async (...args: Args) => {
    const version = await documentsVersion()
    if (version === null) return load(...args)
    const key = JSON.stringify(args)
    const now = Date.now()
    let entry = kept.get(key)
    if (!entry || entry.version !== version || now - entry.at >= MAX_AGE_MS) {
      if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!)
      entry = { version, at: now, value: load(...args) }
      kept.set(key, entry)
      const settled = entry
      // A failed read is not kept: the next caller tries again.
      settled.value.catch(() => kept.get(key) === settled && kept.delete(key))
    }
    return structuredClone((await entry.value) as T)
  }
}
