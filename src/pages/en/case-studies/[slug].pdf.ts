import type { APIRoute } from 'astro'

import { caseStudyPdfResponse } from '../../../lib/pdf'

/** /en/case-studies/[slug].pdf: the English case study as an A4 PDF, or the not-found page. */
export const GET: APIRoute = async ({ params, rewrite }) =>
  (await caseStudyPdfResponse(params.slug, 'en')) ?? rewrite('/en/404')
