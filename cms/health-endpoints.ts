/** The CMS's health endpoints (see cms/health.ts): GET /api/health/live and /api/health/ready. */
import type { Endpoint } from 'payload'

import { healthResponse, liveBody, readiness } from './health'

export const healthEndpoints: Endpoint[] = [
  { path: '/health/live', method: 'get', handler: () => healthResponse(liveBody(), true) },
  {
    path: '/health/ready',
    method: 'get',
    handler: async (req) => {
      const state = await readiness(req.payload)
      return healthResponse(state, state.ready)
    },
  },
]
