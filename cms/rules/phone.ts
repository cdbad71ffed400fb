/**
 * A delegation's contact number. Delegations come from other cities and often give their office
 * line, so mainland landlines with their area code are accepted as well as mobiles.
 */
import { normaliseMobile } from './confirmation-code'

const SEPARATORS = /[\s\-–—()（）.]/g
// 010 and 020–029 are three-digit area codes; every other mainland area code has four digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/
const EXTENSION = /(?:转|分机|ext\.?|x)\s*(\d{1,6})$/i

/**
 * "13900001234", or a landline written "0571-87654321" (with "转123" for an extension); null when
 * the input is neither. Spaces, dashes, brackets and a +86 prefix are allowed.
 */
export function normaliseContactPhone(input: string): string | null {
  const mobile = normaliseMobile(input)
  if (mobile) return mobile
  let text = input.trim()
  const extension = EXTENSION.exec(text)?.[1]
  if (extension) text = text.replace(EXTENSION, '')
  const digits = text.replace(SEPARATORS, '').replace(/^(?:\+|00)86/, '')
  // From abroad the trunk 0 is dropped (+86 21 …); put it back.
  const national = digits.startsWith('0') ? digits : `0${digits}`
  const match = LANDLINE.exec(national)
  if (!match || !/^\d+$/.test(national)) return null
  return `${match[1]}-${match[2]}${extension ? `转${extension}` : ''}`
}
