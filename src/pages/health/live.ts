// The site's liveness: this process answers HTTP (cms/health.ts). Touches no database.
import type { APIRoute } from 'astro'

import { healthResponse, liveBody } from '@cms/health'

export const GET: APIRoute = () => healthResponse(liveBody(), true)
