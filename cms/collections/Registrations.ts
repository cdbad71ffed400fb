import type { CollectionConfig } from 'payload'

import { anonymisedAtField, centreFromParentField } from '../fields/personal-data'
import { activeKeyField } from '../fields/active-key'

import { centreIdsOf, hasRole, isDistrictAdmin, ownCentres } from '../access'
import {
  registrationAfterChange,
  registrationAfterDelete,
  registrationBeforeChange,
} from '../hooks/registration-seats'
import { normaliseMobile } from '../rules/confirmation-code'
import { registrationEndpoints } from '../signups/endpoints'
import { options, REGISTRATION_CHANNELS, REGISTRATION_STATUSES } from '../vocabulary'
import { eventSessionCell } from '../fields/cells'
import { ADMIN_DATE_FORMAT } from '../rules/shanghai-time'

/**
 * 报名: a resident's sign-up for an event. Personal data: never readable by the public; staff see
 * only their own centres' sign-ups.
 */
export const Registrations: CollectionConfig = {
  slug: 'registrations',
  labels: { singular: { zh: '报名', en: 'Sign-up' }, plural: { zh: '报名记录', en: 'Sign-ups' } },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'event', 'name', 'partySize', 'status', 'channel', 'createdAt'],
    // 活动 shows each session's date and time; 活动时间 filters by it.
    listSearchableFields: ['code', 'name'],
    group: { zh: '活动与报名', en: 'Events & sign-ups' },
  },
  defaultSort: '-createdAt',
  // A queue position is a count over (event, status) up to the sign-up's id: an index range, so
  // its cost does not grow with the rest of the table.
  indexes: [{ fields: ['event', 'status'] }],
  endpoints: registrationEndpoints,
  access: {
    read: ownCentres('centre'),
    // Residents sign up through the site's form and the sign-up endpoint, not this API.
    create: ({ req }) =>
      isDistrictAdmin(req) || (hasRole(req, 'centre-staff') && centreIdsOf(req).length > 0),
    update: ownCentres('centre'),
    delete: ({ req }) => isDistrictAdmin(req),
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: 'events',
          required: true,
          index: true,
          label: { zh: '活动', en: 'Event' },
          admin: eventSessionCell,
        },
        {
          name: 'code',
          type: 'text',
          unique: true,
          index: true,
          label: { zh: '确认码', en: 'Code' },
          admin: { readOnly: true, description: { zh: '保存时自动生成', en: 'Generated on save' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 40, label: { zh: '姓名', en: 'Name' } },
        {
          name: 'phone',
          type: 'text',
          required: true,
          label: { zh: '手机号码', en: 'Mobile' },
          validate: (value: unknown, { siblingData }: { siblingData: { anonymisedAt?: unknown } }) =>
            siblingData.anonymisedAt || (typeof value === 'string' && normaliseMobile(value))
              ? true
              : '请填写 11 位手机号码 / Enter an 11-digit mainland mobile number',
        },
        {
          name: 'partySize',
          type: 'number',
          required: true,
          min: 1,
          max: 10,
          defaultValue: 1,
          label: { zh: '人数', en: 'Party size' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'confirmed',
          options: options(REGISTRATION_STATUSES),
          label: { zh: '状态', en: 'Status' },
        },
        {
          name: 'channel',
          type: 'select',
          required: true,
          defaultValue: 'staff',
          options: options(REGISTRATION_CHANNELS),
          label: { zh: '报名方式', en: 'Channel' },
        },
      ],
    },
    {
      name: 'consent',
      type: 'checkbox',
      label: { zh: '已同意隐私说明', en: 'Consented to the privacy notice' },
    },
    {
      // The resident's "stop" for this sign-up (the sign-up's page has the switch): no more SMS.
      name: 'messagesOff',
      type: 'checkbox',
      label: { zh: '不再接收短信', en: 'No more messages' },
      admin: { position: 'sidebar' },
    },
    centreFromParentField({ zh: '取自活动', en: 'From the event' }),
    {
      // The session's start, read through the event (nothing stored): the list can be filtered and
      // sorted by it, so the weeks of a weekly class are told apart.
      name: 'eventStart',
      type: 'date',
      virtual: 'event.start',
      label: { zh: '活动时间', en: 'Session' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT },
      },
    },
    {
      name: 'checkedInAt',
      type: 'date',
      label: { zh: '签到时间', en: 'Checked in' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT },
      },
    },
    anonymisedAtField(),
    activeKeyField(),
  ],
  hooks: {
    beforeChange: [registrationBeforeChange],
    afterChange: [registrationAfterChange],
    afterDelete: [registrationAfterDelete],
  },
}
