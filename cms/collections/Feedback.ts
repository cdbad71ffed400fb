import type { CollectionConfig } from 'payload'

import { districtAdminOnly, nobody, ownCentres } from '../access'
import { titleCell } from '../fields/cells'
import { FEEDBACK_COMMENT_MAX } from '../rules/messages'

/**
 * 活动评价: a resident's rating (1–5) and optional comment after an activity, one per sign-up (a
 * unique registration). Given on the site's feedback page (cms/messages/feedback.ts); staff read
 * their own centres'; the public sees only averages and counts, never a comment or a name.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  labels: { singular: { zh: '活动评价', en: 'Feedback' }, plural: { zh: '活动评价', en: 'Feedback' } },
  admin: {
    defaultColumns: ['event', 'rating', 'comment', 'createdAt'],
    group: { zh: '活动与报名', en: 'Events & sign-ups' },
  },
  defaultSort: '-createdAt',
  access: { read: ownCentres('centre'), create: nobody, update: nobody, delete: districtAdminOnly },
  fields: [
    {
      name: 'registration',
      type: 'relationship',
      relationTo: 'registrations',
      // Not required: deleting a sign-up (district admin) keeps the row, unlinked.
      unique: true,
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
      required: true,
      index: true,
      label: { zh: '中心', en: 'Centre' },
      admin: { ...titleCell, readOnly: true },
    },
    {
      // When the activity took place: feedback counts towards the half-year of the activity.
      name: 'activityStart',
      type: 'date',
      required: true,
      index: true,
      admin: { hidden: true },
    },
    { name: 'rating', type: 'number', required: true, min: 1, max: 5, label: { zh: '评分', en: 'Rating' } },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: FEEDBACK_COMMENT_MAX,
      label: { zh: '意见', en: 'Comment' },
    },
  ],
}
