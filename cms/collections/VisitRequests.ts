import type { CollectionConfig } from 'payload'

import { districtAdminOnly, ownCentres } from '../access'
import { keepWithinHostingLimits, notifyStaffOfNewRequest } from '../hooks/visit-requests'
import { confirmationCode } from '../rules/confirmation-code'
import { shanghaiDay } from '../rules/hosting'
import { normaliseContactPhone } from '../rules/phone'
import { options, VISIT_STATUSES } from '../vocabulary'
import { titleCell } from '../fields/cells'
import { centreNamesForStaff, forDistrict } from '../fields/centre-names'

/** A request's reference, e.g. V2026-K7M4Q: the year as it is in Shanghai. */
export const visitReference = () => `V${shanghaiDay(new Date())!.slice(0, 4)}-${confirmationCode(5)}`

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }

/**
 * 考察预约: a delegation's request for a study visit. Contact details are personal data: the
 * district and the staff of the centres it names may read it; no one else.
 */
export const VisitRequests: CollectionConfig = {
  slug: 'visit-requests',
  labels: {
    singular: { zh: '考察预约', en: 'Visit request' },
    plural: { zh: '考察预约', en: 'Visit requests' },
  },
  admin: {
    useAsTitle: 'organisation',
    defaultColumns: ['reference', 'organisation', 'delegationSize', 'status', 'createdAt'],
    listSearchableFields: ['reference', 'organisation'],
    description: {
      zh: '代表团在网站上提交的考察预约。处理后把状态改为“已同意”或“已婉拒”；排定行程后填写行程安排并改为“已排期”。对方凭预约编号和邮箱在网站上查看状态和行程。',
      en: 'Study-visit requests made on the site. Set the status to Approved or Declined; once planned, fill in the itinerary and set Scheduled. The delegation sees the status and itinerary on the site with its reference and email.',
    },
    group: { zh: '考察交流', en: 'Delegations' },
  },
  defaultSort: '-createdAt',
  access: {
    read: ownCentres('centres'),
    // Delegations ask through the site's form; in the admin only the district records requests.
    create: districtAdminOnly,
    update: districtAdminOnly,
    delete: districtAdminOnly,
  },
  fields: [
    {
      name: 'reference',
      type: 'text',
      unique: true,
      index: true,
      label: { zh: '预约编号', en: 'Reference' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        { name: 'organisation', type: 'text', required: true, label: { zh: '单位名称', en: 'Organisation' } },
        {
          name: 'delegationSize',
          type: 'number',
          required: true,
          min: 1,
          max: 200,
          label: { zh: '人数', en: 'Delegation size' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'contactName', type: 'text', required: true, label: { zh: '联系人', en: 'Contact name' } },
        { name: 'phone', type: 'text', required: true, label: { zh: '联系电话', en: 'Phone' } },
        { name: 'email', type: 'email', required: true, label: { zh: '电子邮箱', en: 'Email' } },
      ],
    },
    {
      name: 'preferredDates',
      type: 'array',
      minRows: 1,
      maxRows: 3,
      label: { zh: '希望日期', en: 'Preferred dates' },
      fields: [
        { name: 'date', type: 'date', required: true, admin: dayOnly, label: { zh: '日期', en: 'Date' } },
      ],
    },
    { name: 'topics', type: 'textarea', label: { zh: '希望了解的内容', en: 'Topics of interest' } },
    {
      name: 'centres',
      type: 'relationship',
      relationTo: 'centres',
      hasMany: true,
      index: true,
      label: { zh: '希望参观的中心', en: 'Centres to visit' },
      admin: { ...titleCell, condition: forDistrict },
    },
    centreNamesForStaff('centres', { zh: '希望参观的中心', en: 'Centres to visit' }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: options(VISIT_STATUSES),
      label: { zh: '状态', en: 'Status' },
      admin: {
        position: 'sidebar',
        description: {
          zh: '对方在网站上凭预约编号和邮箱可以看到状态',
          en: 'The delegation can see the status on the site',
        },
      },
    },
    { name: 'staffNotes', type: 'textarea', label: { zh: '工作人员备注', en: 'Staff notes' } },
    {
      name: 'itinerary',
      type: 'array',
      label: { zh: '行程安排', en: 'Itinerary' },
      labels: { singular: { zh: '一站', en: 'Stop' }, plural: { zh: '行程', en: 'Stops' } },
      admin: {
        description: {
          zh: '批准后安排参观的中心和时间（上海时间）。填写后，这些中心和日期取代希望日期占用接待名额。',
          en: 'Centres and times, once approved (Shanghai time). Once filled in, these centres and days hold the hosting places instead of the preferred dates.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'centre',
              type: 'relationship',
              relationTo: 'centres',
              required: true,
              label: { zh: '中心', en: 'Centre' },
            },
            {
              name: 'start',
              type: 'date',
              required: true,
              label: { zh: '时间', en: 'Time' },
              admin: {
                date: {
                  pickerAppearance: 'dayAndTime',
                  timeFormat: 'HH:mm',
                  timeIntervals: 15,
                  displayFormat: 'yyyy-MM-dd HH:mm',
                },
              },
            },
          ],
        },
        {
          name: 'note',
          type: 'text',
          label: { zh: '说明', en: 'Note' },
          admin: {
            description: {
              zh: '考察团查询预约时能看到这条说明（内部备注请写在“工作人员备注”）',
              en: 'The delegation sees this when it looks the request up (internal notes go in Staff notes)',
            },
          },
        },
      ],
    },
  ],
  hooks: {
    beforeChange: [
      ({ data, operation }) => {
        if (operation === 'create' && !data.reference) data.reference = visitReference()
        if (typeof data.phone === 'string') data.phone = normaliseContactPhone(data.phone) ?? data.phone
        return data
      },
      keepWithinHostingLimits,
    ],
    afterChange: [notifyStaffOfNewRequest],
  },
}
