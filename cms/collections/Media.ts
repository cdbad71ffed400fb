import type { CollectionConfig } from 'payload'

import { anyone, districtAdminOnly, signedIn } from '../access'
import { uploadsDir } from '../settings'

/** Photos and images. Alt text is required in Chinese and kept in English for delegations. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { zh: '图片', en: 'Image' }, plural: { zh: '图片', en: 'Images' } },
  admin: { useAsTitle: 'alt', group: { zh: '内容', en: 'Content' } },
  access: { read: anyone, create: signedIn, update: signedIn, delete: districtAdminOnly },
  upload: {
    staticDir: uploadsDir,
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
