/**
 * The public API's page size (cms/rules/page-size.ts) on every collection, for REST and GraphQL;
 * the CMS's and the site's own reads (the Local API, and reads made with access overridden while
 * answering a request) are not limited.
 */
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { cappedLimit } from '../rules/page-size'

export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || (operation !== 'read' && operation !== 'readDistinct')) return args
  // A read the CMS makes for itself while answering (counting an event's sign-ups for staff, the
  // capacity check on save) carries the REST request along but skips access: never capped, or an
  // event with more than a page of sign-ups would be counted short.
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return args
  if (!('limit' in args) && !('pagination' in args)) return args
  const requested = args as { limit?: unknown; pagination?: unknown; currentDepth?: number }
  // Populating relationships (Payload's data loader) runs finds of its own, at a depth below the
  // request's, unpaginated: those are the server's, not the client's, and are not capped.
  if (requested.currentDepth) return args
  return { ...args, limit: cappedLimit(requested.limit) ?? requested.limit, pagination: true }
}

/** The collection with the cap as its first beforeOperation hook. */
export function withPageSizeCap(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: { ...hooks, beforeOperation: [capPageSize, ...(hooks.beforeOperation ?? [])] },
  }
}
