import type { CollectionConfig } from 'payload'

import { districtAdminOnly, isDistrictAdmin, centreIdsOf, hasRole, publishedOrStaff } from '../access'

/** A neighbourhood centre (睦邻中心): the core of the portal. */
export const Centres: CollectionConfig = {
  slug: 'centres',
  labels: { singular: { zh: '睦邻中心', en: 'Centre' }, plural: { zh: '睦邻中心', en: 'Centres' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'subDistrict', 'address', 'updatedAt'],
    group: { zh: '中心', en: 'Centres' },
  },
  versions: { drafts: true },
  access: {
    read: publishedOrStaff,
    create: districtAdminOnly,
    // Centre staff edit only the centres they are linked to.
    update: ({ req }) => {
      if (isDistrictAdmin(req)) return true
      if (!hasRole(req, 'centre-staff')) return false
      return { id: { in: centreIdsOf(req) } }
    },
    delete: districtAdminOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '网址标识', en: 'Slug' },
      admin: {
        position: 'sidebar',
        description: {
          zh: '用于网址，只用小写字母、数字和连字符',
          en: 'Used in the address: lowercase letters, digits and hyphens',
        },
      },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
          ? true
          : '只能使用小写字母、数字和连字符 / Use lowercase letters, digits and hyphens only',
    },
    { name: 'subDistrict', type: 'text', label: { zh: '街镇', en: 'Sub-district' } },
    { name: 'address', type: 'text', localized: true, label: { zh: '地址', en: 'Address' } },
    { name: 'summary', type: 'textarea', localized: true, label: { zh: '简介', en: 'Summary' } },
  ],
}
