/**
 * The job that tells residents: every run first writes the reminders and thank-yous that have come
 * due (cms/messages/reminders.ts), then sends what is due from the outbox (cms/messages/send.ts).
 * Scheduled every 15 seconds on its own queue, so a message waits seconds, not minutes; a run with
 * nothing due is two small queries.
 */
import type { TaskConfig } from 'payload'

import { queueRemindersAndThanks } from '../messages/reminders'
import { sendDueMessages } from '../messages/send'

export const MESSAGES_QUEUE = 'messages'

export const sendMessagesTask: TaskConfig = {
  slug: 'sendMessages',
  label: 'Send messages to residents',
  schedule: [{ cron: '*/15 * * * * *', queue: MESSAGES_QUEUE }],
  // Each message keeps its own retries and backoff (cms/rules/messages.ts); a failed run is simply
  // the next run.
  retries: 0,
  outputSchema: [
    { name: 'queued', type: 'number' },
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => {
    const queued = await queueRemindersAndThanks(req.payload)
    const result = await sendDueMessages(req.payload)
    if (queued.reminders + queued.thanks + result.sent + result.failed + result.retrying > 0) {
      req.payload.logger.info(
        `messages: ${queued.reminders} reminders and ${queued.thanks} thank-yous queued; ${result.sent} sent, ${result.retrying} to retry, ${result.failed} failed, ${result.skipped} not needed`,
      )
    }
    return { output: { queued: queued.reminders + queued.thanks, sent: result.sent, failed: result.failed } }
  },
}
