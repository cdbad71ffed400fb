/**
 * The portal's email adapter for Payload (payload.sendEmail). With SMTP_HOST set, mail goes out
 * through that server; without it (development, a demo), each message is printed to the server
 * log as one readable block instead, so nothing is lost and no mail server is needed.
 *
 * Payload's own nodemailer adapter is not published for the Payload version this project pins,
 * and the adapter contract is a single function, so it lives here.
 */
import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

export type EmailSettings = {
  host?: string
  port: number
  secure: boolean
  user?: string
  pass?: string
  from: string
  fromName: string
}

export function emailSettings(env: Record<string, string | undefined> = process.env): EmailSettings {
  const secure = /^(1|true|yes)$/i.test(env.SMTP_SECURE ?? '')
  const port = Number(env.SMTP_PORT) || (secure ? 465 : 587)
  return {
    host: env.SMTP_HOST?.trim() || undefined,
    port,
    secure,
    user: env.SMTP_USER || undefined,
    pass: env.SMTP_PASS || undefined,
    from: env.EMAIL_FROM?.trim() || 'noreply@mulin.example.cn',
    fromName: env.EMAIL_FROM_NAME?.trim() || '睦邻 Mulin',
  }
}

/** Nodemailer's address forms (a string, an object, nested lists) as "a@x, b@y". */
function addressList(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(addressList).filter(Boolean).join(', ')
  if (typeof value === 'object' && value !== null && 'address' in value) return String(value.address ?? '')
  return ''
}

/**
 * A printed message hides phone numbers (runs of seven or more digits): a log is kept longer and
 * read by more people than a staff mailbox, and the number is one click away in the admin.
 */
/** An HTML body as plain lines for the log: links keep their address, tags and entities go. */
export function htmlAsText(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<(br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim()
}

export function printable(message: SendEmailOptions): string {
  // Payload's own emails (a password reset) come as HTML only: printed as text, link included,
  // so a developer without a mail server can still follow it.
  const text =
    typeof message.text === 'string'
      ? message.text
      : typeof message.html === 'string'
        ? htmlAsText(message.html)
        : '(no body)'
  const masked = text.replace(/(?<![0-9A-Za-z])\d[\d -]{5,}\d(?![0-9A-Za-z])/g, (run) =>
    run.replace(/\D/g, '').length >= 7 ? `${run.slice(0, 3)}…(号码见后台)` : run,
  )
  return [
    '── email (not sent: SMTP_HOST is not set) ──',
    `To: ${addressList(message.to)}`,
    `Subject: ${message.subject ?? ''}`,
    '',
    masked,
    '── end of email ──',
  ].join('\n')
}

export type EmailAdapterOptions = {
  settings?: EmailSettings
  /** Overrides the SMTP transport (tests use nodemailer's JSON transport). */
  transport?: Transporter
  /** Where messages go when there is no transport; the server log by default. */
  print?: (block: string) => void
}

export function emailAdapter(options: EmailAdapterOptions = {}): EmailAdapter {
  const settings = options.settings ?? emailSettings()
  return ({ payload }) => {
    const transport =
      options.transport ??
      (settings.host
        ? nodemailer.createTransport({
            host: settings.host,
            port: settings.port,
            secure: settings.secure,
            auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
            // A slow mail server must not keep a delegation's form waiting for long.
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          })
        : undefined)
    const print = options.print ?? ((block: string) => payload.logger.info(`\n${block}`))
    return {
      name: transport ? 'smtp' : 'log',
      defaultFromAddress: settings.from,
      defaultFromName: settings.fromName,
      sendEmail: async (message) => {
        const from = message.from ?? { name: settings.fromName, address: settings.from }
        if (!transport) {
          print(printable(message))
          return { printed: true }
        }
        // Sent in the background: Payload sends a password reset inside the request's write
        // transaction, and a slow mail server must never hold the database (cms/sqlite-writer.ts)
        // while every sign-up waits. A failure is logged; the request already answered as Payload
        // always does ("if the account exists, an email is on its way").
        const delivery = transport.sendMail({ ...message, from }).then(
          (info) => {
            payload.logger.info(`email sent: ${message.subject ?? ''}`)
            return info
          },
          (error: Error) => {
            payload.logger.error(`email not sent (${error.message}): ${message.subject ?? ''}`)
            return undefined
          },
        )
        return { queued: true, delivery }
      },
    }
  }
}
