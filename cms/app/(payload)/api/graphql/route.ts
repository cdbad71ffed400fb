import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withRetryAfter } from '../retry-after'
import { guardGraphQL } from '../../../../graphql-guard'

// Queries are checked (fragment cycles, depth) before Payload runs them; see cms/graphql-guard.ts.
// A write refused because the database stayed busy says when to try again.
export const POST = withRetryAfter(guardGraphQL(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
