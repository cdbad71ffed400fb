import type { CollectionConfig } from 'payload'

import { anyone, districtAdminOnly, districtMenuOnly } from '../access'
import { titleCell } from '../fields/cells'

/** 居民区: the area of one residents' committee, where conventions and projects live. */
export const Neighbourhoods: CollectionConfig = {
  slug: 'neighbourhoods',
  labels: { singular: { zh: '居民区', en: 'Neighbourhood' }, plural: { zh: '居民区', en: 'Neighbourhoods' } },
  admin: {
    hidden: districtMenuOnly,
    useAsTitle: 'name',
    defaultColumns: ['name', 'subDistrict', 'centre'],
    group: { zh: '区域', en: 'Places' },
  },
  access: { read: anyone, create: districtAdminOnly, update: districtAdminOnly, delete: districtAdminOnly },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'subDistrict',
      type: 'relationship',
      relationTo: 'sub-districts',
      required: true,
      index: true,
      label: { zh: '所属街镇', en: 'Sub-district' },
      admin: titleCell,
    },
    {
      name: 'centre',
      type: 'relationship',
      relationTo: 'centres',
      index: true,
      label: { zh: '服务它的睦邻中心', en: 'Serving centre' },
      admin: titleCell,
    },
  ],
}
