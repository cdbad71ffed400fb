import type { CollectionConfig } from 'payload'

import { createForOwnCentre, ownCentres, ownCentreVersions, publishedOrOwnCentres } from '../access'
import { owningCentreField } from '../fields/owning-centre'
import { slugField } from '../fields/slug'
import { previewUrl } from '../preview'
import {
  CONVENTION_SCOPES,
  CONVENTION_STATUSES,
  CONVENTION_TOPICS,
  CONVENTION_TYPES,
  MEETING_KINDS,
  options,
} from '../vocabulary'
import { titleCell } from '../fields/cells'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }

/** 居民公约 and its kin: rules residents adopt for their neighbourhood or building by consultation. */
export const Conventions: CollectionConfig = {
  slug: 'conventions',
  labels: { singular: { zh: '居民公约', en: 'Convention' }, plural: { zh: '居民公约', en: 'Conventions' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'neighbourhood', 'status', 'effectiveDate', '_status'],
    listSearchableFields: ['title', 'slug'],
    group: { zh: '居民自治', en: 'Self-governance' },
    preview: (doc, { locale }) => previewUrl('conventions', doc, locale),
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    // A convention still being drafted stays private even if someone published it by mistake:
    // not in the library, search, feeds, centre pages, figures or the API.
    readVersions: ownCentreVersions('centre'),
    read: publishedOrOwnCentres('centre', { status: { not_equals: 'draft' } }),
    create: createForOwnCentre('centre'),
    update: ownCentres('centre'),
    delete: ownCentres('centre'),
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { zh: '标题', en: 'Title' } },
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          options: options(CONVENTION_TYPES),
          label: { zh: '类型', en: 'Type' },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: options(CONVENTION_STATUSES),
          label: { zh: '公约状态', en: 'Convention status' },
        },
        {
          name: 'scope',
          type: 'select',
          required: true,
          defaultValue: 'neighbourhood',
          options: options(CONVENTION_SCOPES),
          label: { zh: '适用范围', en: 'Scope' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        owningCentreField(),
        {
          name: 'neighbourhood',
          type: 'relationship',
          relationTo: 'neighbourhoods',
          required: true,
          index: true,
          label: { zh: '居民区', en: 'Neighbourhood' },
          admin: titleCell,
        },
        {
          name: 'building',
          type: 'text',
          label: { zh: '楼栋', en: 'Building' },
          admin: { condition: (_, sibling) => sibling?.scope === 'building' },
        },
      ],
    },
    {
      name: 'topics',
      type: 'select',
      hasMany: true,
      options: options(CONVENTION_TOPICS),
      label: { zh: '涉及事项', en: 'Topics' },
    },
    { name: 'summary', type: 'textarea', localized: true, label: { zh: '摘要', en: 'Summary' } },
    {
      name: 'articles',
      type: 'array',
      required: true,
      minRows: 1,
      label: { zh: '条款', en: 'Articles' },
      labels: { singular: { zh: '条', en: 'Article' }, plural: { zh: '条款', en: 'Articles' } },
      admin: { description: { zh: '按顺序自动编号：第一条、第二条……', en: 'Numbered in order on the site' } },
      fields: [
        {
          name: 'text',
          type: 'textarea',
          required: true,
          localized: true,
          label: { zh: '条文', en: 'Text' },
        },
      ],
    },
    {
      name: 'adoption',
      type: 'array',
      label: { zh: '民主协商与表决记录', en: 'Adoption record' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', required: true, admin: dayOnly, label: { zh: '日期', en: 'Date' } },
            {
              name: 'kind',
              type: 'select',
              required: true,
              options: options(MEETING_KINDS),
              label: { zh: '形式', en: 'Kind' },
            },
            { name: 'attendance', type: 'number', min: 0, label: { zh: '参加人数', en: 'Attendance' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'for', type: 'number', min: 0, label: { zh: '赞成', en: 'For' } },
            { name: 'against', type: 'number', min: 0, label: { zh: '反对', en: 'Against' } },
            { name: 'abstain', type: 'number', min: 0, label: { zh: '弃权', en: 'Abstaining' } },
          ],
        },
        { name: 'note', type: 'textarea', localized: true, label: { zh: '记录', en: 'Note' } },
      ],
      validate: (rows: unknown) => {
        for (const row of (rows as Array<Record<string, number | undefined>> | null) ?? []) {
          const votes = (row.for ?? 0) + (row.against ?? 0) + (row.abstain ?? 0)
          if (row.attendance !== undefined && row.attendance !== null && votes > row.attendance) {
            return '赞成、反对、弃权票数之和不能超过参加人数 / Votes cannot exceed attendance'
          }
        }
        return true
      },
    },
    {
      name: 'effectiveDate',
      type: 'date',
      admin: { ...dayOnly, position: 'sidebar' },
      label: { zh: '生效日期', en: 'Effective from' },
    },
    {
      name: 'revisions',
      type: 'array',
      label: { zh: '修订记录', en: 'Revision history' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', required: true, admin: dayOnly, label: { zh: '日期', en: 'Date' } },
            {
              name: 'summary',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '修订内容', en: 'What changed' },
            },
          ],
        },
      ],
    },
    slugField(),
  ],
}
