/**
 * The rules every visit request obeys, however it is made (the site's form, the admin, REST):
 * no centre is booked beyond the hosting limit the district set, and staff hear of each new
 * request by email.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'

import type { Centre, VisitRequest } from '../payload-types'
import { bookings, type HostedRequest, hostingLimitOf, occupiedSlots, shanghaiDay } from '../rules/hosting'
import { refusal } from '../rules/refusal'
import { cmsUrl } from '../settings'
import { formatDay, hostingContext } from '../visits/hosting-data'

type Id = number | string
const slotKey = ({ centre, day }: { centre: string; day: string }) => `${centre}|${day}`

/**
 * Refuses a request that would put a centre over its daily limit. Only the days a change adds
 * are checked, so approving a pending request or editing its notes never fails because the
 * centre has filled up since. The district sets the limits itself, so its own staff obey them
 * too: to host one more delegation, raise the centre's limit for everyone, then record the visit.
 */
export const keepWithinHostingLimits: CollectionBeforeChangeHook<VisitRequest> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const next: HostedRequest = {
    ...(originalDoc ?? {}),
    ...data,
    status: data.status ?? originalDoc?.status ?? 'pending',
  }
  const before = new Set(operation === 'update' && originalDoc ? occupiedSlots(originalDoc).map(slotKey) : [])
  const added = occupiedSlots(next).filter((slot) => !before.has(slotKey(slot)))
  if (added.length === 0) return data

  const from = added.map((slot) => slot.day).sort()[0]!
  const context = await hostingContext(req.payload, [...new Set(added.map((s) => s.centre))], from, { req })
  const counts = bookings(context.requests, originalDoc?.id)
  const over = added.flatMap((slot) => {
    const centre = context.centres.find((c) => String(c.id) === slot.centre)
    const limit = centre ? hostingLimitOf(centre) : Infinity
    return centre && (counts.get(slotKey(slot)) ?? 0) >= limit ? [{ ...slot, name: centre.name, limit }] : []
  })
  if (over.length === 0) return data

  const zh = over
    .map((o) => `${formatDay(o.day, 'zh', '')}${o.name}的接待名额已满（每天 ${o.limit} 批）`)
    .join('；')
  const en = over
    .map((o) => `${o.name} is fully booked on ${formatDay(o.day, 'en', '')} (${o.limit} a day)`)
    .join('; ')
  throw refusal(
    {
      zh: `${zh}。请换一天，或先调整该中心的“每日可接待考察团数”。`,
      en: `${en}. Choose another day, or first raise the centre's "study visits per day".`,
    },
    409,
  )
}

/**
 * Who hears of a new request: VISIT_NOTIFY_EMAIL (comma-separated) when set, e.g. a shared
 * mailbox of the district office; otherwise every district admin and the staff of the centres
 * the delegation wants to see.
 */
export async function visitNotificationRecipients(
  payload: Payload,
  centreIds: ReadonlyArray<Id>,
  req?: PayloadRequest,
): Promise<string[]> {
  const override = (process.env.VISIT_NOTIFY_EMAIL ?? '')
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean)
  if (override.length > 0) return override
  const { docs } = await payload.find({
    collection: 'users',
    where: {
      or: [
        { roles: { in: ['district-admin'] } },
        ...(centreIds.length > 0
          ? [{ and: [{ roles: { in: ['centre-staff'] } }, { centres: { in: [...centreIds] } }] }]
          : []),
      ],
    },
    select: { email: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return [...new Set(docs.map((user) => user.email).filter(Boolean))]
}

export function visitEmail(request: VisitRequest, centreNames: string[]): { subject: string; text: string } {
  const days = (request.preferredDates ?? [])
    .map(({ date }) => shanghaiDay(date))
    .filter((day): day is string => day !== null)
    .map((day) => formatDay(day, 'zh', ''))
  const lines = [
    '收到一份新的考察预约，请在后台处理。',
    '',
    `预约编号：${request.reference ?? ''}`,
    `单位：${request.organisation}`,
    `人数：${request.delegationSize} 人`,
    `希望日期：${days.join('、') || '（未填）'}`,
    `希望参观的中心：${centreNames.join('、') || '（未选）'}`,
    `希望了解的内容：${request.topics?.trim() || '（未填）'}`,
    '',
    `联系人：${request.contactName}`,
    `联系电话：${request.phone}`,
    `电子邮箱：${request.email}`,
    '',
    `在后台查看和处理：${cmsUrl}/admin/collections/visit-requests/${request.id}`,
  ]
  return {
    subject: `新的考察预约 ${request.reference ?? ''}：${request.organisation}（${request.delegationSize} 人）`,
    text: lines.join('\n'),
  }
}

/** Emails staff about a new request. A mail failure never loses the request: it is in the admin. */
export const notifyStaffOfNewRequest: CollectionAfterChangeHook<VisitRequest> = async ({
  doc,
  operation,
  req,
}) => {
  // Demo requests loaded by the seed are nobody's new request.
  if (operation !== 'create' || req.context?.seeding) return doc
  const centreIds = (doc.centres ?? []).map((c) => (typeof c === 'object' ? c.id : c))
  try {
    const [to, centres] = await Promise.all([
      visitNotificationRecipients(req.payload, centreIds, req),
      centreIds.length > 0
        ? req.payload.find({
            collection: 'centres',
            where: { id: { in: centreIds } },
            select: { name: true },
            locale: 'zh',
            depth: 0,
            limit: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        : Promise.resolve({ docs: [] as Centre[] }),
    ])
    if (to.length === 0) {
      req.payload.logger.warn(`visit request ${doc.reference}: no staff address to notify`)
      return doc
    }
    const names = centreIds
      .map((id) => (centres.docs as Centre[]).find((c) => String(c.id) === String(id))?.name)
      .filter((name): name is string => Boolean(name))
    // Sent without waiting: this hook runs inside the request's write transaction, and on SQLite
    // every other write of the process queues behind it; a slow mail server must not hold them.
    const { payload } = req
    void Promise.resolve(payload.sendEmail({ to, ...visitEmail(doc, names) })).catch((error: Error) =>
      payload.logger.error(
        `visit request ${doc.reference}: staff email failed (${error.name}: ${error.message})`,
      ),
    )
  } catch (error) {
    // The reference only: the message of a mail error can quote the recipients, not the contact.
    req.payload.logger.error(
      `visit request ${doc.reference}: staff email failed (${(error as Error).name}: ${(error as Error).message})`,
    )
  }
  return doc
}
