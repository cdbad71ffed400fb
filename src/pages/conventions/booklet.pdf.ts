import type { APIRoute } from 'astro'

import { bookletResponse } from '../../lib/booklet'

/** /conventions/booklet.pdf: every convention in force, as a printed booklet. */
export const GET: APIRoute = () => bookletResponse()
