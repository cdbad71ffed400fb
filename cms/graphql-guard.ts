/**
 * What the GraphQL route (cms/app/(payload)/api/graphql/route.ts) does around Payload's handler:
 * the query is parsed and checked against cms/rules/graphql-limits.ts first (fragment cycles,
 * depth), so a hostile query is refused in milliseconds with a plain message before Payload's own
 * validation (which would loop on a fragment cycle) or any resolver runs; and GraphQL's "Did you
 * mean …?" suggestions are taken out of every error message. The cost limit, which needs the
 * schema, runs as a validation rule (payload.config.ts).
 */
import { type DocumentNode, GraphQLError, parse } from 'graphql'
import type { GraphQLExtension } from 'payload'

import { checkQuery, withoutSuggestions } from './rules/graphql-limits'

type Handler = (request: Request) => Promise<Response>

function refuse(message: string, status = 400): Response {
  return Response.json(
    { errors: [{ message, extensions: { statusCode: status } }] },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )
}

/** The queries of a request's JSON body (a batch is an array), or a refusal. */
function queriesOf(body: unknown): string[] | Response {
  const items = Array.isArray(body) ? body : [body]
  if (items.length === 0 || items.length > 5)
    return refuse('Send one query (or at most five) / 一次最多五个查询')
  const queries: string[] = []
  for (const item of items) {
    const query = (item as { query?: unknown } | null)?.query
    if (typeof query !== 'string' || query.trim() === '') return refuse('Missing query / 缺少查询')
    queries.push(query)
  }
  return queries
}

export function guardGraphQL(handle: Handler): Handler {
  return async (request) => {
    const type = request.headers.get('content-type') ?? ''
    if (!/^application\/json\b/i.test(type)) {
      return refuse('GraphQL takes Content-Type: application/json / 请以 application/json 发送', 415)
    }
    const text = await request.clone().text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return refuse('The body is not valid JSON / 请求内容不是有效的 JSON')
    }
    const queries = queriesOf(body)
    if (queries instanceof Response) return queries
    for (const query of queries) {
      let document: DocumentNode
      try {
        document = parse(query, { maxTokens: 5_000 })
      } catch (error) {
        return refuse(
          error instanceof GraphQLError ? withoutSuggestions(error.message) : 'Query could not be read',
        )
      }
      const problem = checkQuery(document)
      if (problem) return refuse(problem)
    }
    const response = await handle(request)
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response
    const answer = await response.text()
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    let parsed: { data?: unknown; errors?: Array<{ message?: string }> }
    try {
      parsed = JSON.parse(answer) as typeof parsed
    } catch {
      return new Response(answer, { status: response.status, headers })
    }
    for (const error of parsed.errors ?? []) {
      if (typeof error.message === 'string') error.message = withoutSuggestions(error.message)
    }
    // A query refused before it ran (errors, no data at all) is the client's mistake: 400, not 200.
    const refused = response.status === 200 && Array.isArray(parsed.errors) && !('data' in parsed)
    return new Response(JSON.stringify(parsed), { status: refused ? 400 : response.status, headers })
  }
}

type Resolver = (...args: unknown[]) => Promise<Record<string, unknown> | null | undefined>

/**
 * `{ Access { canAccessAdmin } }` answered an anonymous visitor with a server error: Payload leaves
 * `canAccessAdmin` out when it is false, and the schema says it is never null. This replaces the
 * `Access` query (payload.config.ts `graphQL.queries`) with one that says false.
 */
export const accessQuery: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as { type: unknown; resolve: Resolver } | undefined
  if (!access) return {}
  return {
    Access: {
      ...access,
      resolve: async (...args: unknown[]) => {
        const result = (await access.resolve(...args)) ?? {}
        return { ...result, canAccessAdmin: result.canAccessAdmin === true }
      },
    },
  }
}
