import type { CollectionConfig } from 'payload'

import { districtAdminOnly, districtMenuOnly, publishedOrStaff, signedIn } from '../access'
import { slugField } from '../fields/slug'
import { previewUrl } from '../preview'

/** 案例: what visiting delegations read, in Chinese and English, with key figures. */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  labels: { singular: { zh: '案例', en: 'Case study' }, plural: { zh: '案例', en: 'Case studies' } },
  admin: {
    hidden: districtMenuOnly,
    useAsTitle: 'title',
    defaultColumns: ['title', 'locality', '_status', 'updatedAt'],
    group: { zh: '考察交流', en: 'Delegations' },
    preview: (doc, { locale }) => previewUrl('case-studies', doc, locale),
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    read: publishedOrStaff,
    readVersions: signedIn,
    create: districtAdminOnly,
    update: districtAdminOnly,
    delete: districtAdminOnly,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { zh: '标题', en: 'Title' } },
    { name: 'summary', type: 'textarea', localized: true, label: { zh: '摘要', en: 'Summary' } },
    { name: 'locality', type: 'text', localized: true, label: { zh: '地点', en: 'Locality' } },
    {
      name: 'themes',
      type: 'array',
      label: { zh: '主题', en: 'Themes' },
      fields: [
        { name: 'theme', type: 'text', required: true, localized: true, label: { zh: '主题', en: 'Theme' } },
      ],
    },
    {
      name: 'keyFigures',
      type: 'array',
      label: { zh: '关键数据', en: 'Key figures' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '指标', en: 'Label' },
            },
            { name: 'value', type: 'number', required: true, label: { zh: '数值', en: 'Value' } },
            { name: 'unit', type: 'text', localized: true, label: { zh: '单位', en: 'Unit' } },
            { name: 'year', type: 'number', min: 1990, max: 2100, label: { zh: '年份', en: 'Year' } },
          ],
        },
      ],
    },
    {
      name: 'sections',
      type: 'array',
      label: { zh: '正文章节', en: 'Sections' },
      fields: [
        {
          name: 'heading',
          type: 'text',
          required: true,
          localized: true,
          label: { zh: '小标题', en: 'Heading' },
        },
        { name: 'body', type: 'richText', localized: true, label: { zh: '正文', en: 'Body' } },
      ],
    },
    {
      name: 'relatedCentres',
      type: 'relationship',
      relationTo: 'centres',
      hasMany: true,
      label: { zh: '相关中心', en: 'Related centres' },
    },
    {
      name: 'relatedProjects',
      type: 'relationship',
      relationTo: 'projects',
      hasMany: true,
      label: { zh: '相关项目', en: 'Related projects' },
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { zh: '封面图', en: 'Cover image' } },
    slugField(),
  ],
}
