import type { CollectionConfig } from 'payload'
import { refusal } from '../rules/refusal'

import { districtAdminOnly, ownCentres } from '../access'
import { storeCurrentRating } from '../hooks/stars'
import { CRITERIA, MAX_PER_CRITERION, periodKey, rate, RubricError } from '../rules/rubric'
import { titleCell } from '../fields/cells'

type Id = number | string
const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

/** 星级评估: the twice-yearly evaluation of a centre, recorded by the district. */
export const Evaluations: CollectionConfig = {
  slug: 'evaluations',
  labels: { singular: { zh: '星级评估', en: 'Evaluation' }, plural: { zh: '星级评估', en: 'Evaluations' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['centre', 'year', 'half', 'total', 'stars', 'published'],
    group: { zh: '中心', en: 'Centres' },
  },
  defaultSort: '-periodKey',
  access: {
    // The public sees published evaluations; staff see their own centres' (published or not).
    read: (args) => (args.req.user ? ownCentres('centre')(args) : { published: { equals: true } }),
    create: districtAdminOnly,
    update: districtAdminOnly,
    delete: districtAdminOnly,
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
          index: true,
          label: { zh: '中心', en: 'Centre' },
          admin: titleCell,
        },
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2100,
          label: { zh: '年度', en: 'Year' },
        },
        {
          name: 'half',
          type: 'select',
          required: true,
          options: [
            { value: '1', label: { zh: '上半年', en: 'First half' } },
            { value: '2', label: { zh: '下半年', en: 'Second half' } },
          ],
          label: { zh: '半年', en: 'Half' },
        },
      ],
    },
    {
      name: 'scores',
      type: 'group',
      label: { zh: `评分（每项 0–${MAX_PER_CRITERION} 分）`, en: `Scores (0–${MAX_PER_CRITERION} each)` },
      fields: [
        {
          type: 'row',
          fields: CRITERIA.map(({ key, label }) => ({
            name: key,
            type: 'number' as const,
            required: true,
            min: 0,
            max: MAX_PER_CRITERION,
            label,
          })),
        },
      ],
    },
    {
      // Residents' own ratings of the period, beside the assessor's 群众满意度 score.
      name: 'residentFeedback',
      type: 'ui',
      admin: { components: { Field: '/components/EvaluationFeedback#EvaluationFeedback' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'total',
          type: 'number',
          label: { zh: '总分', en: 'Total' },
          admin: { readOnly: true, description: { zh: '自动计算', en: 'Computed' } },
        },
        {
          name: 'stars',
          type: 'number',
          label: { zh: '星级', en: 'Stars' },
          admin: { readOnly: true, description: { zh: '按总分自动评定', en: 'From the total' } },
        },
      ],
    },
    {
      name: 'comments',
      type: 'textarea',
      localized: true,
      label: { zh: '评估意见', en: "Evaluators' comments" },
    },
    {
      name: 'improvementActions',
      type: 'array',
      label: { zh: '整改措施', en: 'Improvement actions' },
      fields: [
        {
          name: 'action',
          type: 'text',
          required: true,
          localized: true,
          label: { zh: '措施', en: 'Action' },
        },
      ],
    },
    {
      name: 'published',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { zh: '已发布', en: 'Published' },
      admin: {
        position: 'sidebar',
        description: {
          zh: '发布后计入中心星级并对公众可见',
          en: "Once published it counts for the centre's stars and is public",
        },
      },
    },
    { name: 'periodKey', type: 'number', index: true, admin: { hidden: true } },
    { name: 'title', type: 'text', admin: { hidden: true } },
  ],
  hooks: {
    beforeChange: [
      async ({ data, originalDoc, req, operation }) => {
        const merged = { ...originalDoc, ...data }
        try {
          const { total, stars } = rate(merged.scores ?? {})
          data.total = total
          data.stars = stars
        } catch (error) {
          if (error instanceof RubricError) throw refusal(error.message)
          throw error
        }
        data.periodKey = periodKey(merged.year, merged.half)
        // One evaluation per centre and period.
        const duplicate = await req.payload.find({
          collection: 'evaluations',
          where: {
            and: [
              { centre: { equals: idOf(merged.centre) } },
              { periodKey: { equals: data.periodKey } },
              ...(operation === 'update' ? [{ id: { not_equals: originalDoc?.id } }] : []),
            ],
          },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        if (duplicate.totalDocs > 0) {
          throw refusal(
            '该中心在这一评估期已有评估记录 / This centre already has an evaluation for that period',
          )
        }
        data.title = `${merged.year}-${merged.half}`
        return data
      },
    ],
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        await storeCurrentRating(req, idOf(doc.centre)!)
        const before = idOf(previousDoc?.centre)
        if (before !== undefined && String(before) !== String(idOf(doc.centre)))
          await storeCurrentRating(req, before)
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await storeCurrentRating(req, idOf(doc.centre)!)
      },
    ],
  },
}
