import { APIError } from 'payload'

/**
 * A business rule saying no: the message (Chinese / English) reaches the admin, the REST and
 * GraphQL clients and the site as it is, with a 4xx status, instead of a generic server error.
 */
export function refusal(message: string, status = 400): APIError {
  return new APIError(message, status, { message }, true)
}
