/**
 * A portal of a test's own: started the way a user starts it (scripts/start.ts) on a data folder
 * and free ports, for tests that hold its database, crash it or restart it, which the shared
 * portal of the end-to-end run must not suffer.
 */
import { execFileSync } from 'node:child_process'

import { freePort, startPortal } from '../../scripts/lib/portal'

export { freePort }

export const PORTAL_PASSWORD = 'own-portal-password'

export type OwnPortal = {
  dataDir: string
  cmsUrl: string
  siteUrl: string
  /** Everything printed since this start. */
  log: () => string
  /** Stops the whole portal at once (SIGKILL to every process of it). */
  kill: () => Promise<void>
  /** The process that listens on the CMS's port, as the operating system sees it. */
  cmsPid: () => number | undefined
}

export async function startOwnPortal(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<OwnPortal> {
  const portal = await startPortal({
    dataDir: options.dataDir,
    env: { DEMO_PASSWORD: PORTAL_PASSWORD, FORM_RATE_LIMIT: '1000000', ...options.env },
  })
  return {
    dataDir: portal.dataDir,
    cmsUrl: `http://127.0.0.1:${portal.cmsPort}`,
    siteUrl: `http://127.0.0.1:${portal.sitePort}`,
    log: portal.log,
    kill: portal.kill,
    cmsPid: () => {
      try {
        const out = execFileSync('ss', ['-ltnpH', `sport = :${portal.cmsPort}`], { encoding: 'utf8' })
        const pid = /pid=(\d+)/.exec(out)?.[1]
        return pid ? Number(pid) : undefined
      } catch {
        return undefined
      }
    },
  }
}

/** A small REST client for one portal, logged in as the demo district admin when asked. */
export function restClient(cmsUrl: string, password = PORTAL_PASSWORD) {
  let token: string | undefined
  const call = async (method: string, route: string, body?: unknown, auth = false) => {
    if (auth && !token) {
      const login = await fetch(`${cmsUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'district@mulin.demo', password }),
      })
      token = ((await login.json()) as { token: string }).token
    }
    const response = await fetch(`${cmsUrl}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth && token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      json = { text }
    }
    return { status: response.status, json, headers: response.headers }
  }
  return { call }
}
