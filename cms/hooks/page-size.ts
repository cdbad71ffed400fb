/**
 * The public API's page size (cms/rules/page-size.ts) on every collection, for REST and GraphQL;
 * the CMS's and the site's own reads (the Local API) are not limited.
 */
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { cappedLimit } from '../rules/page-size'

export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || (operation !== 'read' && operation !== 'readDistinct')) return args
  if (!('limit' in args) && !('pagination' in args)) return args
  const requested = args as { limit?: unknown; pagination?: unknown }
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
