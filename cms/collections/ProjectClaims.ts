import type { CollectionConfig } from 'payload'

import { anonymisedAtField, centreFromParentField } from '../fields/personal-data'

import { districtAdminOnly, ownCentres } from '../access'
import { claimAfterChange, claimBeforeChange } from '../hooks/volunteer-places'
import { CLAIM_STATUSES, options } from '../vocabulary'
import { titleCell } from '../fields/cells'

/**
 * 认领意向: an organisation offering to claim a project (双向认领). Staff of the project's centre
 * accept or decline it; an accepted claim's organisation and offer appear on the project page,
 * its contact details never do.
 */
export const ProjectClaims: CollectionConfig = {
  slug: 'project-claims',
  labels: { singular: { zh: '认领意向', en: 'Claim offer' }, plural: { zh: '认领意向', en: 'Claim offers' } },
  admin: {
    useAsTitle: 'organisation',
    defaultColumns: ['organisation', 'project', 'status', 'createdAt'],
    group: { zh: '居民自治', en: 'Self-governance' },
  },
  defaultSort: '-createdAt',
  access: {
    read: ownCentres('centre'),
    // Organisations offer through the project page or POST /api/projects/{id}/claim.
    create: districtAdminOnly,
    update: ownCentres('centre'),
    delete: districtAdminOnly,
  },
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
      type: 'row',
      fields: [
        {
          name: 'organisation',
          type: 'text',
          required: true,
          maxLength: 80,
          label: { zh: '组织名称', en: 'Organisation' },
        },
        {
          name: 'contactName',
          type: 'text',
          required: true,
          maxLength: 40,
          label: { zh: '联系人', en: 'Contact' },
        },
        { name: 'phone', type: 'text', label: { zh: '联系电话', en: 'Phone' } },
      ],
    },
    {
      name: 'offer',
      type: 'textarea',
      required: true,
      maxLength: 500,
      label: { zh: '能提供的资源', en: 'What it brings' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'offered',
      options: options(CLAIM_STATUSES),
      label: { zh: '状态', en: 'Status' },
      admin: { position: 'sidebar' },
    },
    centreFromParentField({ zh: '取自项目', en: 'From the project' }),
    anonymisedAtField(),
  ],
  hooks: { beforeChange: [claimBeforeChange], afterChange: [claimAfterChange] },
}
