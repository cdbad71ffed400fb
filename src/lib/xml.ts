/** Text for XML documents the site writes itself (the RSS feed, the sitemaps). */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const SPECIAL = /[&<>"']/g
// Control characters XML 1.0 does not allow anywhere, escaped or not (a feed reader would refuse
// the whole feed over one pasted into a title).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

/** Text as XML character data or an attribute value; most text needs nothing and is passed on. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text
  return text.replace(NOT_XML, '').replace(SPECIAL, (char) => ENTITIES[char]!)
}
