// The site's readiness: its database answers and the migrations are applied (cms/health.ts).
import type { APIRoute } from 'astro'

import { healthResponse, readiness } from '@cms/health'

import { cms } from '../../lib/cms'

export const GET: APIRoute = async () => {
  try {
    const state = await readiness(await cms())
    return healthResponse(state, state.ready)
  } catch (error) {
    // Payload could not even start (database unreachable at first use).
    return healthResponse({ ready: false, database: 'down', error: (error as Error).message }, false)
  }
}
