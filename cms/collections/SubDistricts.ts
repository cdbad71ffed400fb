import type { CollectionConfig } from 'payload'

import { anyone, districtAdminOnly, districtMenuOnly } from '../access'
import { slugField } from '../fields/slug'
import { DISTRICTS, options } from '../vocabulary'

/** 街道 / 镇: the sub-districts and towns a district is divided into. */
export const SubDistricts: CollectionConfig = {
  slug: 'sub-districts',
  labels: { singular: { zh: '街镇', en: 'Sub-district' }, plural: { zh: '街镇', en: 'Sub-districts' } },
  admin: {
    hidden: districtMenuOnly,
    useAsTitle: 'name',
    defaultColumns: ['name', 'district', 'slug'],
    group: { zh: '区域', en: 'Places' },
  },
  access: { read: anyone, create: districtAdminOnly, update: districtAdminOnly, delete: districtAdminOnly },
  defaultSort: 'slug',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'district',
      type: 'select',
      required: true,
      options: options(DISTRICTS),
      label: { zh: '所属区', en: 'District' },
      admin: { position: 'sidebar' },
    },
    slugField(),
  ],
}
