/**
 * Where uploaded images live: on S3 (or a compatible store) when S3_BUCKET is set
 * (cms/settings.ts), through Payload's own adapter; otherwise in DATA_DIR/uploads. The adapter's
 * `prefix` field is in the media schema either way, so one set of migrations fits both.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Config, Field, Plugin } from 'payload'

import type { S3Uploads } from './settings'

export function uploadStorage(s3: S3Uploads | undefined): Plugin {
  const storage = s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    // An explicit (empty) prefix: with the adapter enabled, Payload 3.90 inserts the `prefix` field
    // only when one is given, which would leave the schema different from the local set-up.
    collections: { media: { prefix: '' } },
    bucket: s3?.bucket ?? '',
    config: {
      region: s3?.region,
      endpoint: s3?.endpoint,
      forcePathStyle: s3?.forcePathStyle,
      credentials: s3?.credentials,
    },
  })
  return async (config) => labelStorageFields(await storage(config))
}

/**
 * The adapter's own fields are hidden in forms but still offered as list columns and filters,
 * under English names made from their keys; staff see them in Chinese like every other field.
 */
const STORAGE_FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  prefix: { zh: '存储目录', en: 'Storage folder' },
  _objectKey: { zh: '存储对象名', en: 'Storage object name' },
}

function labelStorageFields(config: Config): Config {
  const label = (field: Field): Field =>
    'name' in field && STORAGE_FIELD_LABELS[field.name]
      ? ({ ...field, label: STORAGE_FIELD_LABELS[field.name] } as Field)
      : field
  return {
    ...config,
    collections: config.collections?.map((collection) =>
      collection.slug === 'media' ? { ...collection, fields: collection.fields.map(label) } : collection,
    ),
  }
}
