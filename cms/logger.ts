/**
 * The portal's logger: pino, the logger Payload itself uses, so Payload's own messages, each
 * request line (scripts/lib/serve.ts) and the notable events come out in one format. In
 * production that is one JSON object per line, for a log shipper to index; in development Payload
 * keeps its readable default (this module is then not used for Payload).
 *
 * Residents' names and phone numbers must never reach a log. Nothing logs them on purpose; as a
 * second line of defence, fields with those names are redacted and anything shaped like a mainland
 * mobile number in a message is cut to its last four digits.
 */
import { hostname } from 'node:os'

import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino'

const MOBILE = /(?<!\d)1[3-9]\d{5}(\d{4})(?!\d)/g

export function maskPhones(text: string): string {
  return text.replace(MOBILE, '*******$1')
}

/** `destination` is for tests; the servers write to standard output. */
export function createLogger(
  name = process.env.MULIN_ROLE ?? 'mulin',
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    // As `service`, not pino's `name`: a top-level `name` is redacted below.
    base: { service: name, pid: process.pid, hostname: hostname() },
    level: process.env.LOG_LEVEL ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['name', 'phone', 'contactName', 'email', '*.name', '*.phone', '*.contactName', '*.email'],
      censor: '[hidden]',
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskPhones(arg) : arg)) as Parameters<typeof method>,
        )
      },
    },
  }
  return destination ? pino(options, destination) : pino(options)
}
