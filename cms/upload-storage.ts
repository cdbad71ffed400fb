/**
 * Where uploaded images live: on S3 (or a compatible store) when S3_BUCKET is set
 * (cms/settings.ts), through Payload's own adapter; otherwise in DATA_DIR/uploads. The adapter's
 * `prefix` field is in the media schema either way, so one set of migrations fits both.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { S3Uploads } from './settings'

export function uploadStorage(s3: S3Uploads | undefined): Plugin {
  return s3Storage({
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
}
