import type { CollectionConfig } from 'payload'

import { createForOwnCentre, ownCentres, ownCentreVersions, publishedOrOwnCentres } from '../access'
import { owningCentreField } from '../fields/owning-centre'
import { slugField } from '../fields/slug'
import { keepLiveFilledCounts } from '../hooks/volunteer-places'
import { previewUrl } from '../preview'
import { projectEndpoints } from '../signups/endpoints'
import { options, PROJECT_KINDS, PROJECT_STATUSES } from '../vocabulary'
import { titleCell } from '../fields/cells'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }

/** Self-governance (一居一品), public-benefit (双向认领) and community-foundation projects. */
export const Projects: CollectionConfig = {
  slug: 'projects',
  labels: { singular: { zh: '项目', en: 'Project' }, plural: { zh: '自治与公益项目', en: 'Projects' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'centre', 'status', '_status'],
    listSearchableFields: ['title', 'slug'],
    group: { zh: '居民自治', en: 'Self-governance' },
    preview: (doc, { locale }) => previewUrl('projects', doc, locale),
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  endpoints: projectEndpoints,
  hooks: { beforeChange: [keepLiveFilledCounts] },
  access: {
    readVersions: ownCentreVersions('centre'),
    read: publishedOrOwnCentres('centre'),
    create: createForOwnCentre('centre'),
    update: ownCentres('centre'),
    delete: ownCentres('centre'),
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Title' } },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: options(PROJECT_KINDS),
          label: { zh: '类型', en: 'Kind' },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'open',
          options: options(PROJECT_STATUSES),
          label: { zh: '项目状态', en: 'Project status' },
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
          index: true,
          label: { zh: '居民区', en: 'Neighbourhood' },
          admin: titleCell,
        },
      ],
    },
    { name: 'summary', type: 'textarea', localized: true, label: { zh: '简介', en: 'Summary' } },
    { name: 'description', type: 'richText', localized: true, label: { zh: '详细介绍', en: 'Description' } },
    { name: 'sponsor', type: 'text', localized: true, label: { zh: '发起方', en: 'Sponsor' } },
    {
      name: 'goals',
      type: 'array',
      label: { zh: '项目目标', en: 'Goals' },
      fields: [
        { name: 'goal', type: 'text', required: true, localized: true, label: { zh: '目标', en: 'Goal' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'budget', type: 'number', min: 0, label: { zh: '预算（元）', en: 'Budget (yuan)' } },
        { name: 'startDate', type: 'date', admin: dayOnly, label: { zh: '开始日期', en: 'Starts' } },
        { name: 'endDate', type: 'date', admin: dayOnly, label: { zh: '结束日期', en: 'Ends' } },
      ],
    },
    {
      name: 'funding',
      type: 'array',
      label: { zh: '资金来源', en: 'Funding' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'source',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '来源', en: 'Source' },
            },
            {
              name: 'amount',
              type: 'number',
              min: 0,
              required: true,
              label: { zh: '金额（元）', en: 'Amount (yuan)' },
            },
          ],
        },
      ],
    },
    {
      name: 'milestones',
      type: 'array',
      label: { zh: '进度节点', en: 'Milestones' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'title',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '节点', en: 'Milestone' },
            },
            { name: 'date', type: 'date', admin: dayOnly, label: { zh: '日期', en: 'Date' } },
            {
              name: 'progress',
              type: 'number',
              min: 0,
              max: 100,
              defaultValue: 0,
              label: { zh: '完成度 %', en: 'Progress %' },
            },
          ],
        },
      ],
    },
    {
      name: 'volunteerRoles',
      type: 'array',
      label: { zh: '志愿者岗位', en: 'Volunteer roles' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '岗位', en: 'Role' },
            },
            {
              name: 'needed',
              type: 'number',
              min: 0,
              required: true,
              label: { zh: '需要人数', en: 'Needed' },
            },
            {
              name: 'filled',
              type: 'number',
              min: 0,
              defaultValue: 0,
              label: { zh: '已报名', en: 'Filled' },
              validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
                typeof value === 'number' &&
                typeof siblingData.needed === 'number' &&
                value > siblingData.needed
                  ? '已报名人数不能超过需要人数 / Filled cannot exceed needed'
                  : true,
            },
          ],
        },
      ],
    },
    {
      name: 'claimedBy',
      type: 'array',
      label: { zh: '认领方', en: 'Claimed by' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'organisation',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '组织', en: 'Organisation' },
            },
            { name: 'date', type: 'date', admin: dayOnly, label: { zh: '认领日期', en: 'Date' } },
          ],
        },
        {
          name: 'contribution',
          type: 'text',
          localized: true,
          label: { zh: '提供的资源', en: 'What it brings' },
        },
      ],
    },
    {
      name: 'awards',
      type: 'array',
      label: { zh: '荣誉', en: 'Awards' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'year',
              type: 'number',
              required: true,
              min: 2000,
              max: 2100,
              label: { zh: '年度', en: 'Year' },
            },
            {
              name: 'title',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '荣誉名称', en: 'Award' },
            },
          ],
        },
      ],
    },
    {
      name: 'outcomes',
      type: 'array',
      label: { zh: '成效数据', en: 'Outcomes' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '指标', en: 'Measure' },
            },
            { name: 'value', type: 'number', required: true, label: { zh: '数值', en: 'Value' } },
            { name: 'unit', type: 'text', localized: true, label: { zh: '单位', en: 'Unit' } },
          ],
        },
      ],
    },
    slugField(),
  ],
}
