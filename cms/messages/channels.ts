/**
 * Where a message goes: one interface, three channels, chosen by MESSAGE_CHANNEL (README, _Messages
 * to residents_).
 *
 * - `log` (the default): one line in the server log, the phone number cut to its last four digits;
 *   for development, demos and a district without an SMS contract yet.
 * - `http`: a district's own SMS gateway, `POST SMS_GATEWAY_URL` with `{id, to, text}` as JSON.
 * - `aliyun`: Alibaba Cloud SMS, `SendSms` (cms/messages/aliyun-sms.ts).
 */
import { maskPhones } from '../logger'
import { aliyunSmsChannel, aliyunSettings } from './aliyun-sms'

export type OutgoingMessage = {
  /** The outbox row's unique key: a gateway may use it to drop a repeat. */
  id: string
  /** An 11-digit mainland mobile number. */
  to: string
  text: string
}

export type SendReceipt = { providerId?: string }

export interface MessageChannel {
  readonly name: string
  /** Resolves once the provider accepted the message; throws with a plain reason if it did not. */
  send(message: OutgoingMessage): Promise<SendReceipt>
}

export class ChannelError extends Error {
  override name = 'ChannelError'
}

type Env = Record<string, string | undefined>

export function logChannel(write: (line: string) => void = (line) => console.log(line)): MessageChannel {
  return {
    name: 'log',
    async send({ id, to, text }) {
      write(maskPhones(`── sms (not sent: MESSAGE_CHANNEL=log) ${id} → ${to}: ${text}`))
      return {}
    },
  }
}

export function httpGatewayChannel(env: Env, fetcher: typeof fetch = fetch): MessageChannel {
  const url = env.SMS_GATEWAY_URL?.trim()
  if (!url) throw new ChannelError('MESSAGE_CHANNEL=http needs SMS_GATEWAY_URL')
  const token = env.SMS_GATEWAY_TOKEN?.trim()
  return {
    name: 'http',
    async send({ id, to, text }) {
      const response = await fetcher(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ id, to, text }),
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await response.json().catch(() => ({}))) as { id?: unknown; error?: unknown }
      if (!response.ok) {
        throw new ChannelError(
          `gateway answered ${response.status}${body.error ? `: ${String(body.error)}` : ''}`,
        )
      }
      return { providerId: typeof body.id === 'string' ? body.id : undefined }
    },
  }
}

/** The channel the settings name; a setting that names none, or misses a value, is refused. */
export function channelFromSettings(env: Env = process.env): MessageChannel {
  const name = (env.MESSAGE_CHANNEL ?? 'log').trim() || 'log'
  if (name === 'log') return logChannel()
  if (name === 'http') return httpGatewayChannel(env)
  if (name === 'aliyun') return aliyunSmsChannel(aliyunSettings(env))
  throw new ChannelError(`MESSAGE_CHANNEL must be log, http or aliyun, got "${name}"`)
}
