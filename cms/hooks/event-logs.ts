/**
 * Notable events in the log, one line each, added to the collections centrally (payload.config.ts)
 * so the collection files stay about their content: a sign-up's outcome (by its code, never the
 * resident's name or number) and a document being published. The nightly job logs its own run.
 */
import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value

const logSignup: CollectionAfterChangeHook = ({ doc, previousDoc, operation, req }) => {
  if (req.context?.seeding) return doc // loading the demo district is not activity
  if (operation === 'update' && previousDoc?.status === doc.status) return doc
  req.payload.logger.info(
    {
      event: operation === 'create' ? 'signup' : 'signup-status',
      code: doc.code,
      status: doc.status,
      eventId: idOf(doc.event),
      partySize: doc.partySize,
    },
    `sign-up ${doc.code}: ${doc.status}`,
  )
  return doc
}

const logPublish =
  (slug: string): CollectionAfterChangeHook =>
  ({ doc, previousDoc, req }) => {
    if (req.context?.seeding) return doc
    if (doc._status === 'published' && previousDoc?._status !== 'published') {
      req.payload.logger.info(
        { event: 'publish', collection: slug, id: doc.id, by: req.user?.id },
        `published ${slug} ${doc.id}`,
      )
    }
    return doc
  }

export function withEventLogs(collection: CollectionConfig): CollectionConfig {
  const extra: CollectionAfterChangeHook[] = []
  if (collection.slug === 'registrations') extra.push(logSignup)
  const versions = collection.versions
  if (typeof versions === 'object' && versions.drafts) extra.push(logPublish(collection.slug))
  if (extra.length === 0) return collection
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), ...extra] } }
}
