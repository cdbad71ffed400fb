/**
 * Reading the JSON body of a public endpoint: only `Content-Type: application/json` (a web page
 * elsewhere can make a visitor's browser post a form or text/plain, never JSON, without the
 * portal's consent), and only a JSON object.
 */
type Message = { message: string; zh: string; en: string }

const say = (zh: string, en: string): Message => ({ message: `${zh} / ${en}`, zh, en })

export const JSON_REFUSALS = {
  type: say('请以 Content-Type: application/json 发送。', 'Send the body as Content-Type: application/json.'),
  syntax: say('请求内容不是有效的 JSON 对象。', 'The body is not a valid JSON object.'),
}

export function isJsonType(contentType: string | null | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '')
}

export type JsonBody =
  { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 415; body: Message }

/** Parses a JSON object from text sent with a content type; or why not. */
export function parseJsonObject(contentType: string | null | undefined, text: string): JsonBody {
  if (!isJsonType(contentType)) return { ok: false, status: 415, body: JSON_REFUSALS.type }
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> }
    }
  } catch {
    // refused below
  }
  return { ok: false, status: 400, body: JSON_REFUSALS.syntax }
}

/** The same for a request (anything with headers and a text body). */
export async function readJsonObject(request: {
  headers: Headers
  text?: () => Promise<string>
}): Promise<JsonBody> {
  if (!isJsonType(request.headers.get('content-type')))
    return { ok: false, status: 415, body: JSON_REFUSALS.type }
  const text = request.text ? await request.text().catch(() => '') : ''
  return parseJsonObject(request.headers.get('content-type'), text)
}
