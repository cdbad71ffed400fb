/**
 * The SMS channels against fake servers on this machine, each checking the request the way its
 * documentation specifies it: nothing leaves the machine.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { aliyunSettings, aliyunSmsChannel } from '../../cms/messages/aliyun-sms'
import { channelFromSettings, httpGatewayChannel, logChannel } from '../../cms/messages/channels'

type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: string }
let server: Server | undefined
afterEach(() => server?.close())

/** A fake provider: records each request and answers with what `answer` returns. */
async function fakeServer(answer: (request: Received) => { status: number; body: unknown }) {
  const received: Received[] = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body }
      received.push(request)
      const { status, body: reply } = answer(request)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(reply))
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`
  return { url, received }
}

const message = {
  id: '42:cancelled',
  to: '13800001234',
  text: '【四平路街道睦邻中心】很抱歉，“剪纸课”已取消。',
}

describe('the log channel', () => {
  it('writes one line with the phone number cut to its last four digits', async () => {
    const lines: string[] = []
    await logChannel((line) => lines.push(line)).send(message)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('*******1234')
    expect(lines[0]).not.toContain('13800001234')
    expect(lines[0]).toContain('剪纸课')
  })

  it('is the default; an unknown channel or a missing setting is refused by name', () => {
    expect(channelFromSettings({}).name).toBe('log')
    expect(() => channelFromSettings({ MESSAGE_CHANNEL: 'pigeon' })).toThrow(/log, http or aliyun/)
    expect(() => channelFromSettings({ MESSAGE_CHANNEL: 'http' })).toThrow(/SMS_GATEWAY_URL/)
    expect(() => channelFromSettings({ MESSAGE_CHANNEL: 'aliyun' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_ID/)
  })
})

describe('the HTTP gateway channel', () => {
  it('posts {id, to, text} as JSON with the bearer token, and reads the gateway’s id', async () => {
    const fake = await fakeServer(() => ({ status: 200, body: { id: 'gw-1' } }))
    const channel = httpGatewayChannel({ SMS_GATEWAY_URL: fake.url, SMS_GATEWAY_TOKEN: 'secret-token' })
    expect(await channel.send(message)).toEqual({ providerId: 'gw-1' })
    const [request] = fake.received
    expect(request!.method).toBe('POST')
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.headers.authorization).toBe('Bearer secret-token')
    expect(JSON.parse(request!.body)).toEqual(message)
  })

  it('treats an error answer as a failure with the gateway’s reason', async () => {
    const fake = await fakeServer(() => ({ status: 503, body: { error: 'quota exceeded' } }))
    await expect(httpGatewayChannel({ SMS_GATEWAY_URL: fake.url }).send(message)).rejects.toThrow(
      /503: quota exceeded/,
    )
  })
})

/**
 * Alibaba Cloud's RPC signature (version 1.0), written out again from its documentation so the
 * fake provider checks the channel independently: sort the parameters, percent-encode (RFC 3986),
 * StringToSign = "POST&%2F&" + encode(canonicalised query), HMAC-SHA1 keyed with secret + "&".
 */
function documentedSignature(params: URLSearchParams, secret: string): string {
  const encode = (value: string) =>
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const canonical = [...params.entries()]
    .filter(([name]) => name !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join('&')
  const stringToSign = `POST&${encode('/')}&${encode(canonical)}`
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

describe('the Alibaba Cloud SMS channel (SendSms)', () => {
  const env = (endpoint: string) => ({
    MESSAGE_CHANNEL: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: 'testId',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'testSecret',
    ALIYUN_SMS_SIGN_NAME: '睦邻中心',
    ALIYUN_SMS_TEMPLATE_CODE: 'SMS_123456789',
    ALIYUN_SMS_ENDPOINT: endpoint,
  })

  it('sends a signed SendSms request that the documented algorithm verifies', async () => {
    const fake = await fakeServer((request) => {
      const params = new URLSearchParams(request.body)
      const valid = params.get('Signature') === documentedSignature(params, 'testSecret')
      return valid
        ? { status: 200, body: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'r1' } }
        : {
            status: 400,
            body: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' },
          }
    })
    const channel = channelFromSettings(env(fake.url))
    expect(channel.name).toBe('aliyun')
    expect(await channel.send(message)).toEqual({ providerId: '900619746936498440^0' })

    const [request] = fake.received
    expect(request!.method).toBe('POST')
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const params = Object.fromEntries(new URLSearchParams(request!.body))
    expect(params).toMatchObject({
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      Version: '2017-05-25',
      PhoneNumbers: '13800001234',
      SignName: '睦邻中心',
      TemplateCode: 'SMS_123456789',
      OutId: '42:cancelled',
    })
    expect(params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(params.SignatureNonce).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(params.TemplateParam!)).toEqual({ content: message.text })
  })

  it('uses a fresh nonce each time, and reports the provider’s refusal', async () => {
    const fake = await fakeServer(() => ({
      status: 200,
      body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'r2' },
    }))
    const channel = aliyunSmsChannel(aliyunSettings(env(fake.url)))
    await expect(channel.send(message)).rejects.toThrow(/isv.MOBILE_NUMBER_ILLEGAL: 非法手机号/)
    await expect(channel.send(message)).rejects.toThrow()
    const nonces = fake.received.map((r) => new URLSearchParams(r.body).get('SignatureNonce'))
    expect(new Set(nonces).size).toBe(2)
  })
})
