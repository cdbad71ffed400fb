import { randomInt } from 'node:crypto'

/** Letters and digits that cannot be confused when read aloud or copied by hand (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A short code a resident can read out at the door, e.g. "K7M4QX". */
export function confirmationCode(length = 6): string {
  let code = ''
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** Mainland mobile numbers as typed: spaces, dashes and a +86 prefix are allowed. */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)/, '')
  return MAINLAND_MOBILE.test(digits) ? digits : null
}
