import type { CollectionConfig } from 'payload'

import { anyone, districtAdminOnly, isDistrictAdmin, signedIn } from '../access'
import { missingFileIs404, nameUploadByContent, uploadedByServer } from '../hooks/upload-name'
import { s3Uploads, uploadsDir } from '../settings'

/** Photos and images. Alt text is required in Chinese and kept in English for delegations. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { zh: '图片', en: 'Image' }, plural: { zh: '图片', en: 'Images' } },
  admin: {
    useAsTitle: 'alt',
    group: { zh: '内容', en: 'Content' },
    // The storage adapter's fields (cms/upload-storage.ts) are internals, not columns to show.
    defaultColumns: ['alt', 'filename', 'updatedAt'],
  },
  access: {
    read: anyone,
    create: signedIn,
    // Staff may correct (alt text, a better crop) only the images they uploaded themselves; an
    // image another centre or the district uses is the district's to change.
    update: ({ req }) =>
      isDistrictAdmin(req) ? true : req.user ? { uploadedBy: { equals: req.user.id } } : false,
    delete: districtAdminOnly,
  },
  hooks: {
    // Stored under the extension of the image type detected in the content, never the one sent.
    beforeOperation: [nameUploadByContent],
  },
  upload: {
    staticDir: uploadsDir,
    // A missing file is 404, not the server error Payload would answer. On S3 (cms/upload-storage.ts)
    // the files are not in the folder: the adapter's handler serves them.
    handlers: s3Uploads ? [] : [missingFileIs404(uploadsDir)],
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 800, height: undefined },
      { name: 'wide', width: 1600, height: undefined },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { zh: '上传人', en: 'Uploaded by' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        // Staff may read only their own account: another uploader would show as "untitled".
        condition: (data, _siblingData, { user }) =>
          Boolean(user?.roles?.includes('district-admin')) ||
          (typeof data?.uploadedBy === 'object' ? data.uploadedBy?.id : data?.uploadedBy) === user?.id,
      },
      access: { read: ({ req }) => Boolean(req.user) },
      // Set by the server only: the uploader on create, unchanged afterwards.
      hooks: { beforeChange: [uploadedByServer] },
    },
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: { zh: '替代文字', en: 'Alt text' },
      admin: {
        description: {
          zh: '为看不到图片的读者描述图片内容（读屏软件会读出）',
          en: 'Describes the image for readers who cannot see it (read out by screen readers)',
        },
      },
    },
  ],
}
