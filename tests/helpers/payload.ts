/** A migrated Payload on the test file's own database. */
import type { Payload } from 'payload'

import { migrate, openPayload } from '../../scripts/lib/database'

let instance: Promise<Payload> | undefined

export function testPayload(): Promise<Payload> {
  instance ??= openPayload().then(async (payload) => {
    await migrate(payload)
    return payload
  })
  return instance
}
