/**
 * Liveness and readiness, shared by the CMS (`/api/health/*`, registered in payload.config.ts) and
 * the site (`/health/*`, src/pages/health/). A load balancer or `npm start` polls them every few
 * seconds, so each is one small query at most and never cached on the way.
 *
 * - live:  the process answers HTTP. Nothing else is checked, so a slow database never gets a
 *          healthy process restarted.
 * - ready: the database answers and every committed migration has been applied (SQLite; MongoDB
 *          has none). A server that is not ready should get no traffic.
 */
import type { Payload } from 'payload'

import { migrations } from './migrations'
import { database } from './settings'

export type Readiness = {
  ready: boolean
  database: 'up' | 'down'
  pendingMigrations: string[]
  error?: string
}

export async function readiness(payload: Payload): Promise<Readiness> {
  // Set by the server on SIGTERM (scripts/lib/serve.ts): finishing its last requests, take no more.
  if ((globalThis as { mulinStopping?: boolean }).mulinStopping) {
    return { ready: false, database: 'up', pendingMigrations: [], error: 'stopping' }
  }
  try {
    const applied = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      depth: 0,
      select: { name: true },
      overrideAccess: true,
    })
    const names = new Set(applied.docs.map((doc) => doc.name))
    const expected = database.kind === 'sqlite' ? migrations.map((m) => m.name) : []
    const pendingMigrations = expected.filter((name) => !names.has(name))
    return { ready: pendingMigrations.length === 0, database: 'up', pendingMigrations }
  } catch (error) {
    // The message says which (connection refused, no such table) without any data in it.
    return { ready: false, database: 'down', pendingMigrations: [], error: (error as Error).message }
  }
}

/** A JSON answer that no browser, proxy or CDN keeps: a cached "ready" would hide an outage. */
export function healthResponse(body: object, ok: boolean): Response {
  return new Response(JSON.stringify(body), {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  })
}

export const liveBody = () => ({ live: true, uptimeSeconds: Math.round(process.uptime()) })
