/**
 * What a typed name or number must look like, wherever one is typed (sign-ups, volunteering,
 * claims, visit requests): the same rule on the site's forms, the REST endpoints and the admin.
 */

/** Control, format (zero-width, bidirectional overrides), private-use and unassigned characters. */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u
/** A letter or a digit, in any script: what makes a name readable. */
const VISIBLE = /[\p{L}\p{N}]/u

export type NameCheck =
  { ok: true; value: string } | { ok: false; reason: 'empty' | 'too-long' | 'unreadable' | 'control' }

/**
 * A person's or an organisation's name: trimmed, runs of whitespace made one space, normalised
 * (NFC); refused when empty, longer than `max`, without a single letter or digit, or carrying
 * control or invisible characters (which could hide text or cut it short in storage).
 */
export function checkName(value: unknown, max: number): NameCheck {
  if (typeof value !== 'string') return { ok: false, reason: 'empty' }
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (text === '') return { ok: false, reason: 'empty' }
  if (INVISIBLE_OR_CONTROL.test(text)) return { ok: false, reason: 'control' }
  if (!VISIBLE.test(text)) return { ok: false, reason: 'unreadable' }
  if ([...text].length > max) return { ok: false, reason: 'too-long' }
  return { ok: true, value: text }
}

/**
 * A whole number as a form or a JSON client sends it: a JSON number that is an integer, or a
 * string of (at most six) digits. Anything else ("0x2", "2e0", [2], true, " 2 ") is undefined.
 */
export function strictInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined
  if (typeof value === 'string' && /^\d{1,6}$/.test(value)) return Number(value)
  return undefined
}
