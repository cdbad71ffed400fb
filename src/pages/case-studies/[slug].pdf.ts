import type { APIRoute } from 'astro'

import { caseStudyPdfResponse } from '../../lib/pdf'

/** /case-studies/[slug].pdf: the Chinese case study as an A4 PDF, or the not-found page. */
export const GET: APIRoute = async ({ params, rewrite }) =>
  (await caseStudyPdfResponse(params.slug, 'zh')) ?? rewrite('/404')
