import type { CollectionConfig } from 'payload'

import { anonymisedAtField, centreFromParentField } from '../fields/personal-data'

import { districtAdminOnly, ownCentres } from '../access'
import { activeKeyField } from '../fields/active-key'
import { volunteerAfterDelete, volunteerBeforeChange } from '../hooks/volunteer-places'
import { options, VOLUNTEER_STATUSES } from '../vocabulary'
import { titleCell } from '../fields/cells'
import { volunteerEndpoints } from '../signups/endpoints'

/**
 * 志愿者报名: a resident volunteering for one of a project's open roles. Personal data, kept like
 * event sign-ups: staff of the project's centre read it, the public never does.
 */
export const Volunteers: CollectionConfig = {
  slug: 'volunteers',
  labels: { singular: { zh: '志愿者报名', en: 'Volunteer' }, plural: { zh: '志愿者报名', en: 'Volunteers' } },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'project', 'roleName', 'name', 'status', 'createdAt'],
    listSearchableFields: ['code', 'name'],
    group: { zh: '居民自治', en: 'Self-governance' },
  },
  defaultSort: '-createdAt',
  // Residents withdraw through /signups or POST /api/volunteers/withdraw (cms/signups/endpoints.ts).
  endpoints: volunteerEndpoints,
  access: {
    read: ownCentres('centre'),
    // Residents volunteer through the project page or POST /api/projects/{id}/volunteer.
    create: districtAdminOnly,
    update: ownCentres('centre'),
    delete: districtAdminOnly,
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'project',
          type: 'relationship',
          relationTo: 'projects',
          required: true,
          index: true,
          label: { zh: '项目', en: 'Project' },
          admin: titleCell,
        },
        {
          name: 'code',
          type: 'text',
          unique: true,
          index: true,
          label: { zh: '确认码', en: 'Code' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'roleId', type: 'text', required: true, admin: { hidden: true } },
        { name: 'roleName', type: 'text', label: { zh: '岗位', en: 'Role' }, admin: { readOnly: true } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 40, label: { zh: '姓名', en: 'Name' } },
        { name: 'phone', type: 'text', label: { zh: '手机号码', en: 'Mobile' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: options(VOLUNTEER_STATUSES),
      label: { zh: '状态', en: 'Status' },
    },
    {
      name: 'consent',
      type: 'checkbox',
      label: { zh: '已同意隐私说明', en: 'Consented to the privacy notice' },
    },
    centreFromParentField({ zh: '取自项目', en: 'From the project' }),
    anonymisedAtField(),
    activeKeyField(),
  ],
  hooks: { beforeChange: [volunteerBeforeChange], afterDelete: [volunteerAfterDelete] },
}
