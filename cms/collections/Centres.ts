import type { CollectionConfig } from 'payload'

import {
  districtAdminField,
  districtAdminOnly,
  isDistrictAdmin,
  centreIdsOf,
  hasRole,
  ownCentreVersions,
  publishedOrOwnCentres,
} from '../access'
import { slugField } from '../fields/slug'
import { derivedRatingField } from '../hooks/stars'
import { previewUrl } from '../preview'
import { AUDIENCES, options, SERVICE_CATEGORIES, WEEKDAYS } from '../vocabulary'
import { titleCell } from '../fields/cells'

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const validTime = (value: unknown) =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && TIME.test(value))
    ? true
    : '请用 24 小时制，例如 08:30 / Use 24-hour time, e.g. 08:30'

const person = [
  { name: 'name', type: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
  { name: 'role', type: 'text', localized: true, label: { zh: '职务', en: 'Role' } },
  { name: 'affiliation', type: 'text', localized: true, label: { zh: '所在单位', en: 'Affiliation' } },
] as const

/** A neighbourhood centre (睦邻中心 / 邻里中心): the core of the portal. */
export const Centres: CollectionConfig = {
  slug: 'centres',
  labels: { singular: { zh: '睦邻中心', en: 'Centre' }, plural: { zh: '睦邻中心', en: 'Centres' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'subDistrict', 'stars', 'phone', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug', 'address'],
    group: { zh: '中心', en: 'Centres' },
    preview: (doc, { locale }) => previewUrl('centres', doc, locale),
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  access: {
    readVersions: ownCentreVersions('id'),
    read: publishedOrOwnCentres('id'),
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
    {
      type: 'tabs',
      tabs: [
        {
          label: { zh: '基本信息', en: 'Profile' },
          fields: [
            {
              name: 'name',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '名称', en: 'Name' },
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'subDistrict',
                  type: 'relationship',
                  relationTo: 'sub-districts',
                  required: true,
                  index: true,
                  label: { zh: '所属街镇', en: 'Sub-district' },
                  access: { update: districtAdminField },
                  admin: titleCell,
                },
                {
                  name: 'neighbourhoods',
                  type: 'relationship',
                  relationTo: 'neighbourhoods',
                  hasMany: true,
                  label: { zh: '服务的居民区', en: 'Neighbourhoods served' },
                },
              ],
            },
            { name: 'summary', type: 'textarea', localized: true, label: { zh: '简介', en: 'Summary' } },
            {
              name: 'description',
              type: 'richText',
              localized: true,
              label: { zh: '详细介绍', en: 'Description' },
            },
            {
              name: 'operator',
              type: 'text',
              localized: true,
              label: { zh: '运营机构', en: 'Operator' },
              admin: {
                description: { zh: '负责日常运营的社会组织', en: 'The social organisation that runs it' },
              },
            },
            {
              name: 'photos',
              type: 'upload',
              relationTo: 'media',
              hasMany: true,
              label: { zh: '照片', en: 'Photos' },
            },
          ],
        },
        {
          label: { zh: '位置与联系', en: 'Location & contact' },
          fields: [
            { name: 'address', type: 'text', localized: true, label: { zh: '地址', en: 'Address' } },
            {
              type: 'row',
              fields: [
                {
                  name: 'latitude',
                  type: 'number',
                  min: -90,
                  max: 90,
                  label: { zh: '纬度', en: 'Latitude' },
                },
                {
                  name: 'longitude',
                  type: 'number',
                  min: -180,
                  max: 180,
                  label: { zh: '经度', en: 'Longitude' },
                },
              ],
            },
            { name: 'phone', type: 'text', label: { zh: '联系电话', en: 'Phone' } },
            {
              name: 'hostingLimit',
              type: 'number',
              min: 0,
              max: 10,
              defaultValue: 2,
              label: { zh: '每日可接待考察团数', en: 'Study visits per day' },
              access: { update: districtAdminField },
            },
          ],
        },
        {
          label: { zh: '开放时间', en: 'Opening hours' },
          fields: [
            {
              name: 'openingHours',
              type: 'array',
              label: { zh: '每周开放时间', en: 'Weekly hours' },
              labels: { singular: { zh: '时段', en: 'Period' }, plural: { zh: '时段', en: 'Periods' } },
              admin: {
                description: {
                  zh: '每行一个时段；同一天可以有两个时段（例如午休）；没有列出的日子闭馆',
                  en: 'One period a row; a day may have two (a lunch break); days not listed are closed',
                },
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'day',
                      type: 'select',
                      required: true,
                      options: options(WEEKDAYS),
                      label: { zh: '星期', en: 'Day' },
                    },
                    {
                      name: 'opens',
                      type: 'text',
                      required: true,
                      validate: validTime,
                      label: { zh: '开门', en: 'Opens' },
                    },
                    {
                      name: 'closes',
                      type: 'text',
                      required: true,
                      validate: validTime,
                      label: { zh: '关门', en: 'Closes' },
                    },
                  ],
                },
              ],
            },
            {
              name: 'closures',
              type: 'array',
              label: { zh: '闭馆日（节假日等）', en: 'Closed days (holidays etc.)' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'date',
                      type: 'date',
                      required: true,
                      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
                      label: { zh: '日期', en: 'Date' },
                    },
                    { name: 'note', type: 'text', localized: true, label: { zh: '说明', en: 'Note' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: { zh: '服务与场地', en: 'Services & rooms' },
          fields: [
            {
              name: 'services',
              type: 'array',
              label: { zh: '服务项目', en: 'Services' },
              admin: { initCollapsed: true },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'category',
                      type: 'select',
                      required: true,
                      options: options(SERVICE_CATEGORIES),
                      label: { zh: '类别', en: 'Category' },
                    },
                    {
                      name: 'name',
                      type: 'text',
                      required: true,
                      localized: true,
                      label: { zh: '名称', en: 'Name' },
                    },
                    {
                      name: 'audience',
                      type: 'select',
                      hasMany: true,
                      options: options(AUDIENCES),
                      label: { zh: '服务对象', en: 'For' },
                    },
                  ],
                },
              ],
            },
            {
              name: 'rooms',
              type: 'array',
              label: { zh: '场地', en: 'Rooms' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'name',
                      type: 'text',
                      required: true,
                      localized: true,
                      label: { zh: '名称', en: 'Name' },
                    },
                    {
                      name: 'capacity',
                      type: 'number',
                      min: 1,
                      required: true,
                      label: { zh: '容纳人数', en: 'Capacity' },
                    },
                    { name: 'stepFree', type: 'checkbox', label: { zh: '无障碍进出', en: 'Step-free' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: { zh: '理事会', en: 'Council' },
          fields: [
            {
              name: 'council',
              type: 'group',
              label: { zh: '中心理事会', en: 'Centre council' },
              fields: [
                {
                  name: 'chair',
                  type: 'group',
                  label: { zh: '理事长', en: 'Chair' },
                  fields: [...person].map((f) => ({ ...f, required: false })),
                },
                {
                  name: 'members',
                  type: 'array',
                  label: { zh: '理事', en: 'Members' },
                  fields: [...person],
                },
              ],
            },
          ],
        },
      ],
    },
    slugField(),
    {
      name: 'stars',
      type: 'number',
      min: 1,
      max: 5,
      index: true,
      label: { zh: '当前星级', en: 'Current stars' },
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: { zh: '由最近一次已发布的评估自动得出', en: 'From the latest published evaluation' },
      },
      hooks: derivedRatingField('stars'),
    },
    {
      name: 'starsPeriod',
      type: 'text',
      label: { zh: '评估期', en: 'Evaluation period' },
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
      hooks: derivedRatingField('period'),
    },
  ],
}
