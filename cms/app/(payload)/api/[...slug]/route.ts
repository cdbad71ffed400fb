import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { withRetryAfter } from '../retry-after'

export const GET = withRetryAfter(REST_GET(config))
export const POST = withRetryAfter(REST_POST(config))
export const DELETE = withRetryAfter(REST_DELETE(config))
export const PATCH = withRetryAfter(REST_PATCH(config))
export const OPTIONS = REST_OPTIONS(config)
