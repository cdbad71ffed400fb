/**
 * POST /api/events/{id}/notice {text} (staff of the event's centre): a short notice from the
 * centre to everyone signed up (confirmed or waiting), through the outbox like every message.
 * 201 {queued}; 4xx with {message, zh, en} otherwise.
 */
import { commitTransaction, type Endpoint, initTransaction, killTransaction } from 'payload'

import { isDistrictAdmin, isOwnCentre, signedIn } from '../access'
import { readJsonObject } from '../rules/json-body'
import { checkNotice, NOTICE_MAX_LENGTH } from '../rules/messages'
import { queueMessages } from './outbox'

const answer = (body: Record<string, unknown>, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
const refused = (zh: string, en: string, status = 400) => answer({ message: `${zh} / ${en}`, zh, en }, status)

export const noticeEndpoint: Endpoint = {
  path: '/:id/notice',
  method: 'post',
  handler: async (req) => {
    if (!signedIn({ req })) return refused('请先登录。', 'Please log in.', 401)
    const input = await readJsonObject(req)
    if (!input.ok) return answer(input.body, input.status)
    const text = checkNotice(input.value.text)
    if (!text) {
      return refused(
        `请写一句 ${NOTICE_MAX_LENGTH} 字以内的通知（不含特殊字符）。`,
        `Write a notice of at most ${NOTICE_MAX_LENGTH} characters, plain text.`,
      )
    }
    const event = await req.payload
      .findByID({ collection: 'events', id: String(req.routeParams?.id), depth: 0, overrideAccess: true })
      .catch(() => undefined)
    if (!event || !(isDistrictAdmin(req) || isOwnCentre(req, event.centre))) {
      return refused('没有找到这个活动。', 'No such event.', 404)
    }
    if (event._status !== 'published' || event.status === 'cancelled') {
      return refused(
        '只能为已发布、未取消的活动发通知。',
        'Only for a published event that is not cancelled.',
        409,
      )
    }
    const owns = await initTransaction(req)
    try {
      const { docs } = await req.payload.find({
        collection: 'registrations',
        where: { event: { equals: event.id }, status: { in: ['confirmed', 'waiting'] } },
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: {},
        req,
      })
      const variant = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
      const queued = await queueMessages(
        req,
        event.id,
        docs.map((doc) => doc.id),
        'notice',
        { variant, notice: text },
      )
      if (owns) await commitTransaction(req)
      return answer({ queued }, 201)
    } catch (error) {
      if (owns) await killTransaction(req)
      throw error
    }
  },
}
