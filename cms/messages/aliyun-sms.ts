/**
 * Alibaba Cloud SMS (阿里云短信服务), its `SendSms` operation (API version 2017-05-25), called as
 * its public documentation describes an RPC request: common parameters plus the operation's own,
 * signed with signature version 1.0 (HMAC-SHA1):
 *
 * 1. every parameter but `Signature`, sorted by name, each name and value percent-encoded
 *    (RFC 3986: unreserved characters stay, space is %20, `*` is %2A, `~` stays), joined as
 *    `name=value` with `&` — the canonicalised query string;
 * 2. StringToSign = HTTP method + "&" + percentEncode("/") + "&" + percentEncode(canonicalised);
 * 3. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)), sent as one more
 *    parameter.
 *
 * Sent as a form POST; success is `{"Code": "OK", "BizId": …}`, anything else a refusal whose
 * `Code` and `Message` say why. The template (approved in Alibaba's console, with one variable,
 * `${content}` by default) carries the message text.
 */
import { createHmac, randomUUID } from 'node:crypto'

import type { MessageChannel } from './channels'
import { ChannelError } from './channels'

export type AliyunSettings = {
  accessKeyId: string
  accessKeySecret: string
  signName: string
  templateCode: string
  templateParam: string
  endpoint: string
  regionId: string
}

export function aliyunSettings(env: Record<string, string | undefined>): AliyunSettings {
  const required = (name: string) => {
    const value = env[name]?.trim()
    if (!value) throw new ChannelError(`MESSAGE_CHANNEL=aliyun needs ${name}`)
    return value
  }
  return {
    accessKeyId: required('ALIYUN_SMS_ACCESS_KEY_ID'),
    accessKeySecret: required('ALIYUN_SMS_ACCESS_KEY_SECRET'),
    signName: required('ALIYUN_SMS_SIGN_NAME'),
    templateCode: required('ALIYUN_SMS_TEMPLATE_CODE'),
    templateParam: env.ALIYUN_SMS_TEMPLATE_PARAM?.trim() || 'content',
    endpoint: env.ALIYUN_SMS_ENDPOINT?.trim() || 'https://dysmsapi.aliyuncs.com/',
    regionId: env.ALIYUN_SMS_REGION?.trim() || 'cn-hangzhou',
  }
}

/** RFC 3986 percent-encoding as Alibaba Cloud's signature asks for it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A')
}

export function canonicalisedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join('&')
}

export function rpcSignature(
  method: string,
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalisedQuery(params))}`
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64')
}

/** `2026-12-02T01:51:26Z`: UTC, ISO 8601 without milliseconds, as the common parameter wants. */
const timestamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z')

export function sendSmsParams(
  settings: AliyunSettings,
  message: { id: string; to: string; text: string },
  now = new Date(),
  nonce = randomUUID(),
): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: settings.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    RegionId: settings.regionId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    Timestamp: timestamp(now),
    Version: '2017-05-25',
    PhoneNumbers: message.to,
    SignName: settings.signName,
    TemplateCode: settings.templateCode,
    TemplateParam: JSON.stringify({ [settings.templateParam]: message.text }),
    OutId: message.id,
  }
  params.Signature = rpcSignature('POST', params, settings.accessKeySecret)
  return params
}

export function aliyunSmsChannel(settings: AliyunSettings, fetcher: typeof fetch = fetch): MessageChannel {
  return {
    name: 'aliyun',
    async send(message) {
      const params = sendSmsParams(settings, message)
      const response = await fetcher(settings.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Object.entries(params)
          .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
          .join('&'),
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await response.json().catch(() => ({}))) as {
        Code?: string
        Message?: string
        BizId?: string
      }
      if (!response.ok || body.Code !== 'OK') {
        throw new ChannelError(
          `Aliyun SendSms ${body.Code ?? response.status}: ${body.Message ?? 'no answer'}`,
        )
      }
      return { providerId: body.BizId }
    },
  }
}
