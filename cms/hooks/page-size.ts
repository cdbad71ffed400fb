/**
 * The public API's page size (cms/rules/page-size.ts) on every collection, for REST and GraphQL;
 * the CMS's and the site's own reads (the Local API) are not limited.
 */
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { cappedLimit } from '../rules/page-size'

export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || (operation !== 'read' && operation !== 'readDistinct')) return args
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
