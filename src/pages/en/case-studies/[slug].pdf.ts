import type { APIRoute } from 'astro'

import { caseStudyPdfResponse } from '../../../lib/pdf'

/** /en/case-studies/[slug].pdf: the English case study as an A4 PDF, or the English not-found page. */
export const GET: APIRoute = async ({ params, rewrite }) => {
  const pdf = await caseStudyPdfResponse(params.slug, 'en')
  if (pdf) return pdf
  // Only /404 itself comes with its status; the English page needs it set.
  const page = await rewrite('/en/404')
  return new Response(page.body, { status: 404, headers: page.headers })
}
