/**
 * The site's only door to content: Payload's Local API, in process, no HTTP. Pages call the
 * functions here and never build queries themselves, so access rules and shapes stay in one place.
 */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import type { Centre } from '@cms/payload-types'

let payloadPromise: Promise<Payload> | undefined

export function cms(): Promise<Payload> {
  payloadPromise ??= getPayload({ config })
  return payloadPromise
}

export type Locale = 'zh' | 'en'

/** Published centres, in a stable order for the directory. */
export async function listCentres(locale: Locale = 'zh'): Promise<{ centres: Centre[]; total: number }> {
  const payload = await cms()
  const result = await payload.find({
    collection: 'centres',
    locale,
    limit: 500,
    sort: 'name',
    depth: 0,
    // Read as the public would: drafts and anything the public may not see stay hidden.
    overrideAccess: false,
    draft: false,
  })
  return { centres: result.docs, total: result.totalDocs }
}
