import type { CollectionConfig } from 'payload'

import { nobody, ownCentres } from '../access'
import { titleCell } from '../fields/cells'
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS } from '../rules/messages'
import { ADMIN_DATE_FORMAT } from '../rules/shanghai-time'
import { MESSAGE_STATUSES, options } from '../vocabulary'

const dateTime = {
  readOnly: true,
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: ADMIN_DATE_FORMAT },
}

/**
 * 短信发件箱: every message to a resident, written in the same transaction as the change that
 * causes it and sent afterwards by the `sendMessages` job (cms/messages/). The unique `messageKey` (one
 * per sign-up and kind) is what makes a message never go out twice. Staff read their own centres'
 * rows; nobody writes them through the API. The phone number is not copied here: it is read from
 * the sign-up when sending, so anonymising the sign-up silences its messages too.
 */
export const Messages: CollectionConfig = {
  slug: 'messages',
  labels: { singular: { zh: '短信', en: 'Message' }, plural: { zh: '短信发件箱', en: 'Messages' } },
  admin: {
    useAsTitle: 'messageKey',
    defaultColumns: ['kind', 'registration', 'event', 'status', 'sentAt', 'lastError'],
    group: { zh: '活动与报名', en: 'Events & sign-ups' },
  },
  defaultSort: '-createdAt',
  // The sender reads what is due: pending rows by time.
  indexes: [{ fields: ['status', 'sendAfter'] }],
  access: { read: ownCentres('centre'), create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'messageKey',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: MESSAGE_KINDS.map((value) => ({ value, label: MESSAGE_KIND_LABELS[value] })),
      label: { zh: '类型', en: 'Kind' },
    },
    {
      name: 'registration',
      type: 'relationship',
      relationTo: 'registrations',
      // Not required: deleting a sign-up (district admin) keeps the row, unlinked.
      index: true,
      label: { zh: '报名', en: 'Sign-up' },
      admin: { readOnly: true },
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      index: true,
      label: { zh: '活动', en: 'Event' },
      admin: { ...titleCell, readOnly: true },
    },
    {
      name: 'centre',
      type: 'relationship',
      relationTo: 'centres',
      index: true,
      label: { zh: '中心', en: 'Centre' },
      admin: { ...titleCell, readOnly: true, position: 'sidebar' },
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      label: { zh: '内容', en: 'Text' },
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: options(MESSAGE_STATUSES),
      label: { zh: '状态', en: 'Status' },
      admin: { readOnly: true },
    },
    {
      name: 'sendAfter',
      type: 'date',
      required: true,
      label: { zh: '最早发送', en: 'Not before' },
      admin: dateTime,
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: { zh: '尝试次数', en: 'Attempts' },
      admin: { readOnly: true },
    },
    { name: 'sentAt', type: 'date', label: { zh: '发送时间', en: 'Sent' }, admin: dateTime },
    { name: 'channel', type: 'text', label: { zh: '发送渠道', en: 'Channel' }, admin: { readOnly: true } },
    { name: 'lastError', type: 'text', label: { zh: '失败原因', en: 'Error' }, admin: { readOnly: true } },
  ],
}
