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

/** A centre's residents' ratings per half-year, newest first, for its public page. */
export async function centreRatings(centreId: number): Promise<PeriodFeedback[]> {
  return centreFeedbackByHalfYear(await cms(), centreId)
}
