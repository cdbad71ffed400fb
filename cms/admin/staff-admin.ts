/**
 * What every collection and global shares in the admin staff work in daily: Chinese row labels on
 * arrays, no "API" tab (a developer's view, in English, of JSON staff have no use for), and on
 * every document with drafts a line saying whether and where the public sees it.
 */
import type { CollectionConfig, Field, GlobalConfig } from 'payload'

import { withRowLabels } from './array-rows'

const publicVisibilityField: Field = {
  name: 'publicVisibility',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/components/PublicVisibility#PublicVisibility' },
    condition: (data) => Boolean(data?.id),
  },
}

export function collectionForStaff(config: CollectionConfig): CollectionConfig {
  const labelled = withRowLabels(config)
  const drafts = typeof config.versions === 'object' && Boolean(config.versions.drafts)
  return {
    ...labelled,
    fields: drafts ? [publicVisibilityField, ...labelled.fields] : labelled.fields,
    admin: { ...labelled.admin, hideAPIURL: true },
  }
}

export function globalForStaff(config: GlobalConfig): GlobalConfig {
  const labelled = withRowLabels(config)
  return { ...labelled, admin: { ...labelled.admin, hideAPIURL: true } }
}

/** Payload's own words that name Payload or stay English in its Chinese translation. */
export const ADMIN_WORDING = {
  zh: { general: { payloadSettings: '界面设置' } },
  en: { general: { payloadSettings: 'Display settings' } },
}
