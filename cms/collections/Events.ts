import type { CollectionConfig, PayloadRequest } from 'payload'

import type { Event } from '../payload-types'
import { refusal } from '../rules/refusal'

import { createForOwnCentre, ownCentres, ownCentreVersions, publishedOrOwnCentres } from '../access'
import { owningCentreField } from '../fields/owning-centre'
import { keepingLocale } from '../hooks/keeping-locale'
import { tellSignupsOfChange } from '../hooks/event-messages'
import { promoteWaiting } from '../seats'
import { countedField, countSeats, countsForStaff } from '../hooks/seat-counts'
import { previewUrl } from '../preview'
import { eventEndpoints } from '../signups/endpoints'
import { noticeEndpoint } from '../messages/notice-endpoint'
import { AUDIENCES, EVENT_CATEGORIES, EVENT_STATUSES, options } from '../vocabulary'

type Id = number | string
const idOf = (value: unknown): Id | undefined =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id | undefined)

const DAY = 24 * 60 * 60 * 1000
const dateTime = {
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm', timeIntervals: 15 },
}

/** 活动: a class, talk or festival at a centre, with limited seats and a sign-up window. */
export const Events: CollectionConfig = {
  slug: 'events',
  labels: { singular: { zh: '活动', en: 'Event' }, plural: { zh: '活动', en: 'Events' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'centre', 'start', 'capacity', 'seatsTaken', 'status', '_status'],
    listSearchableFields: ['title'],
    group: { zh: '活动与报名', en: 'Events & sign-ups' },
    preview: (doc, { locale }) => previewUrl('events', doc, locale),
  },
  defaultSort: 'start',
  endpoints: [...eventEndpoints, noticeEndpoint],
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 20 },
  access: {
    readVersions: ownCentreVersions('centre'),
    read: publishedOrOwnCentres('centre'),
    create: createForOwnCentre('centre'),
    update: ownCentres('centre'),
    delete: ownCentres('centre'),
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { zh: '活动名称', en: 'Title' } },
    {
      type: 'row',
      fields: [
        owningCentreField({ zh: '举办中心', en: 'Centre' }),
        {
          name: 'room',
          type: 'text',
          label: { zh: '场地', en: 'Room' },
          admin: { description: { zh: '填写中心“场地”中的名称', en: "A room name from the centre's rooms" } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'category',
          type: 'select',
          required: true,
          options: options(EVENT_CATEGORIES),
          label: { zh: '类别', en: 'Category' },
        },
        {
          name: 'audience',
          type: 'select',
          hasMany: true,
          options: options(AUDIENCES),
          label: { zh: '适合人群', en: 'For' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          required: true,
          index: true,
          admin: dateTime,
          label: { zh: '开始时间', en: 'Starts' },
        },
        { name: 'end', type: 'date', required: true, admin: dateTime, label: { zh: '结束时间', en: 'Ends' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 1, label: { zh: '名额', en: 'Seats' } },
        {
          name: 'maxPartySize',
          type: 'number',
          required: true,
          min: 1,
          max: 10,
          defaultValue: 1,
          label: { zh: '每人最多报名人数', en: 'Largest party' },
        },
        {
          name: 'waitingList',
          type: 'checkbox',
          defaultValue: true,
          label: { zh: '满员后接受候补', en: 'Keep a waiting list' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'signupOpens',
          type: 'date',
          admin: dateTime,
          label: { zh: '报名开始', en: 'Sign-up opens' },
        },
        {
          name: 'signupCloses',
          type: 'date',
          admin: dateTime,
          label: { zh: '报名截止', en: 'Sign-up closes' },
        },
      ],
    },
    { name: 'description', type: 'textarea', localized: true, label: { zh: '活动介绍', en: 'Description' } },
    { name: 'image', type: 'upload', relationTo: 'media', label: { zh: '图片', en: 'Image' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'scheduled',
      options: options(EVENT_STATUSES),
      label: { zh: '活动状态', en: 'Event status' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'seatsTaken',
      type: 'number',
      defaultValue: 0,
      label: { zh: '已确认人数', en: 'Seats taken' },
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: { zh: '由报名记录自动统计', en: 'Counted from sign-ups' },
      },
      hooks: countedField('seatsTaken'),
    },
    {
      name: 'waitingCount',
      type: 'number',
      defaultValue: 0,
      label: { zh: '候补人数', en: 'Waiting' },
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
      hooks: countedField('waitingCount'),
    },
    {
      name: 'repeatWeekly',
      type: 'number',
      min: 1,
      max: 52,
      virtual: true,
      label: { zh: '每周重复（周数）', en: 'Repeat weekly (weeks)' },
      admin: {
        position: 'sidebar',
        condition: (data) => !data?.id,
        description: {
          zh: '新建每周一次的课程时填写总周数，保存后自动生成以后各周的活动',
          en: 'For a new weekly class: the number of weeks; the later weeks are created on save',
        },
      },
    },
    {
      name: 'signups',
      type: 'ui',
      admin: {
        components: { Field: '/components/EventSignups#EventSignups' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      // Residents' ratings after the activity: average, count, comments.
      name: 'feedback',
      type: 'ui',
      admin: {
        components: { Field: '/components/EventFeedback#EventFeedback' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      // What was sent to the residents, when, what failed; and a notice to all of them.
      name: 'messages',
      type: 'ui',
      admin: {
        components: { Field: '/components/EventMessages#EventMessages' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      // The demo seed's identifier of an event, so seeding again updates instead of duplicating.
      name: 'seedKey',
      type: 'text',
      index: true,
      admin: { hidden: true },
    },
    {
      name: 'series',
      type: 'relationship',
      relationTo: 'events',
      index: true,
      label: { zh: '所属系列（第一次活动）', en: 'Series (first session)' },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.series) },
    },
  ],
  hooks: {
    afterRead: [countsForStaff],
    beforeChange: [
      async ({ data, originalDoc, operation, req }) => {
        const merged = { ...originalDoc, ...data }
        const start = new Date(merged.start)
        const end = new Date(merged.end)
        if (!(end > start)) throw refusal('结束时间必须晚于开始时间 / The event must end after it starts')
        if (
          merged.signupOpens &&
          merged.signupCloses &&
          new Date(merged.signupCloses) <= new Date(merged.signupOpens)
        ) {
          throw refusal('报名截止时间必须晚于开始时间 / Sign-up must close after it opens')
        }
        if (merged.maxPartySize > merged.capacity) {
          throw refusal('每人最多报名人数不能超过名额 / The largest party cannot exceed the seats')
        }
        // Counted afresh: a draft's copy of the count may predate the latest sign-ups.
        const { seatsTaken } =
          operation === 'update' && originalDoc?.id
            ? await countSeats(req, originalDoc.id)
            : { seatsTaken: 0 }
        if (merged.capacity < seatsTaken) {
          throw refusal(
            `已有 ${seatsTaken} 人确认报名，名额不能少于这个数 / ${seatsTaken} seats are already confirmed; capacity cannot go below that`,
          )
        }
        if (merged.room) {
          const centre = await keepingLocale(req, () =>
            req.payload.findByID({
              collection: 'centres',
              id: idOf(merged.centre)!,
              depth: 0,
              draft: true,
              overrideAccess: true,
              locale: 'zh',
              req,
            }),
          )
          const room = (centre.rooms ?? []).find((r) => r.name === merged.room)
          if (!room) {
            throw refusal(`“${merged.room}”不是这个中心的场地 / Not a room of this centre`)
          }
          if (merged.capacity > room.capacity) {
            throw refusal(
              `名额超过了场地“${room.name}”的容纳人数（${room.capacity}） / More seats than the room holds (${room.capacity})`,
            )
          }
        }
        return data
      },
    ],
    afterChange: [
      // Published changes that touch sign-ups: a cancelled event cancels them all (the look-up
      // page then says so); added seats move the waiting list up.
      async ({ doc, previousDoc, operation, req }) => {
        if (operation !== 'update' || doc._status !== 'published') return doc
        if (doc.status === 'cancelled' && previousDoc?.status !== 'cancelled') {
          await cancelAllSignups(req, doc.id)
        } else if (doc.status !== 'cancelled' && (doc.capacity ?? 0) > (previousDoc?.capacity ?? 0)) {
          await promoteWaiting(req, doc.id)
        }
        return doc
      },
      // …and their residents get a message of it (cancelled, or a new time or room).
      tellSignupsOfChange,
      // A weekly class: create the later sessions once, when the first is created.
      async ({ doc, operation, req, data }) => {
        const weeks = Number((data as { repeatWeekly?: number }).repeatWeekly ?? 1)
        if (operation !== 'create' || weeks <= 1 || req.context.creatingSeries) return doc
        await createLaterSessions(req, doc, weeks)
        return doc
      },
    ],
  },
}

/**
 * Copies a new weekly class into the following weeks, each a separate event (its own seats and
 * sign-ups) pointing back at the first through `series`, in every language the first one has.
 */
async function createLaterSessions(req: PayloadRequest, first: Event, weeks: number): Promise<void> {
  const editorLocale = req.locale === 'en' ? 'en' : 'zh'
  const otherLocales = (['zh', 'en'] as const).filter((code) => code !== editorLocale)
  const translations = []
  for (const locale of otherLocales) {
    const translated = await keepingLocale(req, () =>
      req.payload.findByID({
        collection: 'events',
        id: first.id,
        locale,
        fallbackLocale: false,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    if (translated.title || translated.description) translations.push({ locale, translated })
  }
  const { id, createdAt: _c, updatedAt: _u, seatsTaken: _s, waitingCount: _w, ...template } = first
  const draft = first._status !== 'published'
  for (let week = 1; week < weeks; week += 1) {
    const shift = (value?: string | null) =>
      value ? new Date(new Date(value).getTime() + week * 7 * DAY).toISOString() : value
    const copy = await keepingLocale(req, () =>
      req.payload.create({
        collection: 'events',
        locale: editorLocale,
        data: {
          ...template,
          centre: idOf(first.centre)!,
          image: idOf(first.image) ?? null,
          series: id,
          start: shift(first.start)!,
          end: shift(first.end)!,
          signupOpens: shift(first.signupOpens),
          signupCloses: shift(first.signupCloses),
        } as never,
        draft,
        overrideAccess: true,
        context: { creatingSeries: true },
        req,
      }),
    )
    for (const { locale, translated } of translations) {
      await keepingLocale(req, () =>
        req.payload.update({
          collection: 'events',
          id: copy.id,
          locale,
          data: { title: translated.title ?? undefined, description: translated.description ?? undefined },
          draft,
          overrideAccess: true,
          context: { creatingSeries: true },
          req,
        }),
      )
    }
  }
}

async function cancelAllSignups(req: PayloadRequest, eventId: number | string): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { event: { equals: eventId }, status: { in: ['confirmed', 'waiting'] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
    req,
  })
  // Which sign-ups the centre cancelled here, for their message (cms/hooks/event-messages.ts).
  req.context.cancelledSignups = docs.map((doc) => doc.id)
  for (const { id } of docs) {
    await req.payload.update({
      collection: 'registrations',
      id,
      data: { status: 'cancelled' },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
}
