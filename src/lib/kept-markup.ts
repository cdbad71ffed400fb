/**
 * The HTML of one item of a list (an event's card, a centre's), kept with the item itself.
 *
 * A list page renders dozens of cards, and Astro's cost per card (tens of microseconds for each
 * expression in it) was most of the page's CPU. The items the site lists are kept documents
 * (src/lib/content/memo.ts): frozen, shared by every page, and replaced by new objects when they
 * change (a document edited, an event's seats or a project's places moving). So a card rendered
 * once is good for as long as its item is the same object, given the same surroundings (the
 * language, the view): those are the `context` string. Kept in a WeakMap: when the site lets go of
 * an item, its markup goes with it.
 */
const kept = new WeakMap<object, Map<string, string>>()
/** More ways one item is shown than any page has (languages × views); past it, the oldest go. */
const MAX_CONTEXTS = 8

export function keptMarkup(item: object, context: string): string | undefined {
  return kept.get(item)?.get(context)
}

export function keepMarkup(item: object, context: string, html: string): void {
  // Only what cannot change is kept: an item that is not frozen may be changed after this.
  if (!Object.isFrozen(item)) return
  let byContext = kept.get(item)
  if (!byContext) kept.set(item, (byContext = new Map()))
  if (byContext.size >= MAX_CONTEXTS) byContext.delete(byContext.keys().next().value!)
  byContext.set(context, html)
}
