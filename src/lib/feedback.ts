/**
 * The site's side of messages and feedback: the feedback page of a sign-up, "no more messages",
 * and a centre's ratings per half-year (counts and averages only). The rules and the writes live
 * in the CMS (cms/messages/feedback.ts, cms/rules/messages.ts).
 */
import {
  centreFeedbackByHalfYear,
  feedbackPageFor,
  giveFeedback,
  type PeriodFeedback,
  turnMessagesOff,
} from '@cms/messages/feedback'

import { cms } from './cms'
import { keptUntilContentChanges } from './content/memo'

export type { FeedbackPage, PeriodFeedback } from '@cms/messages/feedback'

export async function feedbackPage(code: string) {
  return feedbackPageFor(await cms(), code)
}

export async function sendFeedback(code: string, values: { rating?: unknown; comment?: unknown }) {
  return giveFeedback(await cms(), code, values)
}

export async function stopMessages(code: string): Promise<boolean> {
  return turnMessagesOff(await cms(), code)
}

/**
 * A centre's residents' ratings per half-year, newest first, for its public page. Kept until the
 * content version moves, as seats are: every rating given is written through Payload, whose hooks
 * move it (cms/content-version.ts), so a centre's page no longer reads all its ratings each time.
 */
export const centreRatings = keptUntilContentChanges(async (centreId: number): Promise<PeriodFeedback[]> =>
  centreFeedbackByHalfYear(await cms(), centreId),
)
