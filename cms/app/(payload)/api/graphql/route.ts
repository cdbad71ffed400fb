import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withRetryAfter } from '../retry-after'

export const POST = withRetryAfter(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
