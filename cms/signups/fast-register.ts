/**
 * `POST /api/events/{id}/register` for residents, answered by the CMS server itself
 * (scripts/servers/cms.ts) before Next.js sees the request.
 *
 * Why: when a class is announced in a WeChat group, this is the one request that arrives by the
 * hundred at once. Through Next.js and Payload's REST layer each one cost several milliseconds of
 * the process before any rule ran (about 60 answers a second on this machine's two cores), so 50
 * people signing up together waited seconds. Here it is parsed, limited and answered directly;
 * the sign-up itself is the same service call as everywhere (cms/signups/event-signups.ts), and
 * the answer the same as Payload's endpoint gives (cms/signups/answers.ts).
 *
 * Staff signing someone up send their login (a cookie or an Authorization header): those
 * requests go on to Payload's endpoint, which knows who they are.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { formLimiter } from '../rate-limit/form-limiter'
import { BODY_LIMITS } from '../rules/body-limits'
import { CLIENT_ADDRESS_HEADER } from '../rules/client-address'
import { parseJsonObject } from '../rules/json-body'
import { type Answer, LIMITED, signupAnswer } from './answers'
import { signUp } from './event-signups'

const ROUTE = /^\/api\/events\/([^/?#]+)\/register\/?(?:\?.*)?$/

const TOO_LARGE = {
  message: '提交的内容太大。 / The request is too large.',
  zh: '提交的内容太大。',
  en: 'The request is too large.',
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...answer.headers,
  })
  res.end(JSON.stringify(answer.body))
}

/** The body as text, or undefined once it grows past `limit` (what was read is dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        resolve(undefined)
        req.resume()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const text = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined ? '' : String(value)

/** A request handler that answers residents' sign-ups and says false for everything else. */
export function fastRegister(payload: () => Promise<Payload>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'POST') return false
    const match = ROUTE.exec(req.url ?? '')
    if (!match) return false
    if (req.headers.authorization || /(^|;\s*)payload-token=/.test(req.headers.cookie ?? '')) return false

    // Decided by the front (scripts/lib/front.ts) from the socket and TRUSTED_PROXIES.
    const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? 'unknown')
    const cms = await payload()
    const limited = async () => {
      send(res, {
        status: 429,
        body: LIMITED,
        headers: { 'Retry-After': String(await formLimiter.retryAfter(cms, 'signup', address)) },
      })
      return true
    }
    // A body that is too large or not JSON never reaches the sign-up: counted here on its own.
    const unreadable = async (answer: Answer) => {
      if (!(await formLimiter.allow(cms, 'signup', address))) return limited()
      send(res, answer)
      return true
    }
    const body = await readBody(req, BODY_LIMITS.publicEndpoint)
    if (body === undefined) return unreadable({ status: 413, body: TOO_LARGE })
    const parsed = parseJsonObject(req.headers['content-type'], body)
    if (!parsed.ok) return unreadable({ status: parsed.status, body: parsed.body })
    const input = parsed.value
    let eventId: string
    try {
      eventId = decodeURIComponent(match[1]!)
    } catch {
      eventId = ''
    }
    // The attempt is counted by the sign-up itself, in the same commit (cms/seats/sqlite-signup.ts).
    const outcome = await signUp(
      cms,
      eventId,
      {
        name: input.name,
        phone: text(input.phone),
        partySize: input.partySize,
        consent: input.consent,
        channel: 'online',
      },
      { attemptFrom: address },
    )
    if (!outcome.ok && outcome.status === 429) return limited()
    send(res, signupAnswer(outcome))
    return true
  }
}
