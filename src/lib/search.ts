/**
 * Site search that understands Chinese: the query is split into words with the ICU word
 * segmenter that ships with Node (垃圾分类 → 垃圾 + 分类), every real word must appear in a result,
 * and the whole phrase counts most. Chinese has no spaces, so words are found inside longer
 * phrases by substring, which is exactly what a reader means by "contains".
 */
export type SearchField = { text: string; weight: number }
export type SearchDocument = {
  kind: string
  title: string
  url: string
  fields: SearchField[]
  meta?: string
  /** Documents with the same group are one result (the sessions of a weekly series). */
  group?: string
  /** When it happens (events): the earliest of a group is the one shown. */
  start?: string
}
export type SearchHit = SearchDocument & { score: number; snippet: string; titleHtml: string }

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const CJK = /[\u3400-\u9fff]/

export type Query = { phrase: string; words: string[] }

export function parseQuery(input: string): Query {
  const phrase = input.trim().replace(/\s+/g, ' ').toLowerCase()
  const words: string[] = []
  // The segmenter knows common words; an unknown one comes out as single characters (牵绳 →
  // 牵 + 绳), which are joined back. A lone character (的, 做) says little on its own.
  let run = ''
  const flush = () => {
    if (run.length > 1) words.push(run)
    run = ''
  }
  for (const part of segmenter.segment(phrase)) {
    if (!part.isWordLike) {
      flush()
    } else if (part.segment.length === 1 && CJK.test(part.segment)) {
      run += part.segment
    } else {
      flush()
      words.push(part.segment)
    }
  }
  flush()
  return { phrase, words: [...new Set(words)] }
}

/** The phrase as typed and without its spaces (Chinese is often typed with stray spaces). */
function phrases(query: Query): string[] {
  return [...new Set([query.phrase, query.phrase.replace(/ /g, '')])].filter(Boolean)
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0
  let count = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    count += 1
  return count
}

/** A document's text in lower case, as queries are compared with it. */
type Lowered = { fields: SearchField[]; all: string; title: string }
const loweredDocuments = new WeakMap<SearchDocument, Lowered>()

/**
 * Worked out once for a document of the kept index (frozen: src/lib/content/search-index.ts), not
 * for every document on every search: lowering the whole index was most of a search's time.
 */
function lowered(doc: SearchDocument): Lowered {
  let text = loweredDocuments.get(doc)
  if (!text) {
    const fields = doc.fields.map((field) => ({ ...field, text: field.text.toLowerCase() }))
    text = { fields, all: fields.map((field) => field.text).join('\n'), title: doc.title.toLowerCase() }
    if (Object.isFrozen(doc)) loweredDocuments.set(doc, text)
  }
  return text
}

/**
 * A kept (frozen) index's text in one string, its documents' lowered text one after another, with
 * where each begins. Finding a word there is one `indexOf` over the whole index, jumping from match
 * to match; asking each of thousands of documents in turn was most of a search on a district's
 * years of data.
 */
type Corpus = { text: string; starts: number[] }
const corpora = new WeakMap<readonly SearchDocument[], Corpus>()
/** Between two documents: a word never holds it, so no match runs from one into the next. */
const BETWEEN = '\u0000'

function corpusOf(documents: readonly SearchDocument[]): Corpus | undefined {
  if (!Object.isFrozen(documents)) return undefined
  let corpus = corpora.get(documents)
  if (!corpus) {
    const starts: number[] = []
    let length = 0
    const parts = documents.map((doc) => {
      const { all } = lowered(doc)
      starts.push(length)
      length += all.length + BETWEEN.length
      return all
    })
    corpus = { text: parts.join(BETWEEN), starts }
    corpora.set(documents, corpus)
  }
  return corpus
}

/** The index of the document a position of the corpus falls in. */
function documentAt(starts: number[], position: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= position) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * The documents that could match: those holding every word (or the phrase, when it has no words),
 * found in the kept index's corpus; all of them when the index is not kept. `score` decides.
 */
function candidates(documents: readonly SearchDocument[], query: Query): readonly SearchDocument[] {
  const needles = query.words.length > 0 ? query.words : [query.phrase.replace(/ /g, '')]
  const corpus = corpusOf(documents)
  if (!corpus || needles.some((needle) => !needle || needle.includes(BETWEEN))) return documents
  let found: Set<number> | undefined
  for (const needle of needles) {
    const holding = new Set<number>()
    for (let at = corpus.text.indexOf(needle); at !== -1; at = corpus.text.indexOf(needle, at + 1)) {
      const index = documentAt(corpus.starts, at)
      if (!found || found.has(index)) holding.add(index)
      // The rest of this document is of no more use for this word.
      at = (corpus.starts[index + 1] ?? corpus.text.length) - 1
    }
    found = holding
    if (found.size === 0) return []
  }
  return [...found!].sort((a, b) => a - b).map((index) => documents[index]!)
}

/** 0 when the document does not match; otherwise higher is better. */
export function score(doc: SearchDocument, query: Query): number {
  if (!query.phrase) return 0
  const { fields, all } = lowered(doc)
  const compactPhrase = query.phrase.replace(/ /g, '')
  if (
    query.words.length === 0 ? !all.includes(compactPhrase) : !query.words.every((word) => all.includes(word))
  )
    return 0
  let total = 0
  for (const field of fields) {
    total += occurrences(field.text, compactPhrase) * 10 * field.weight
    for (const word of query.words) total += Math.min(occurrences(field.text, word), 5) * field.weight
  }
  return total
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

/** Wraps every matched word of a text in <mark>, safe to insert as HTML; one pattern per query. */
function highlighter(query: Query): (text: string) => string {
  const needles = [...phrases(query), ...query.words].sort((a, b) => b.length - a.length)
  if (needles.length === 0) return escapeHtml
  const pattern = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
  return (text) => {
    let html = ''
    let last = 0
    for (const match of text.matchAll(pattern)) {
      html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`
      last = match.index + match[0].length
    }
    return html + escapeHtml(text.slice(last))
  }
}

/** The text with every matched word wrapped in <mark>, safe to insert as HTML. */
export function highlight(text: string, query: Query): string {
  return highlighter(query)(text)
}

/** About `radius` characters either side of the first match in the most telling field. */
export function snippet(
  doc: SearchDocument,
  query: Query,
  radius = 40,
  mark: (text: string) => string = highlighter(query),
): string {
  const needles = [...phrases(query), ...query.words]
  for (const field of [...doc.fields].sort((a, b) => a.weight - b.weight)) {
    const lower = field.text.toLowerCase()
    const at = needles
      .map((n) => lower.indexOf(n))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0]
    if (at === undefined || field.text === doc.title) continue
    const start = Math.max(0, at - radius)
    const end = Math.min(field.text.length, at + radius * 2)
    return `${start > 0 ? '…' : ''}${mark(field.text.slice(start, end))}${end < field.text.length ? '…' : ''}`
  }
  return ''
}

export function search(documents: SearchDocument[], input: string, limit = 50): SearchHit[] {
  const query = parseQuery(input)
  return documents
    .map((doc) => ({ doc, score: score(doc, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ doc, score: value }) => ({
      ...doc,
      score: value,
      snippet: snippet(doc, query),
      titleHtml: highlight(doc.title, query),
    }))
}

/** Whether the title itself holds the whole phrase (as typed, or without spaces), or every word of it. */
function titleMatches(doc: SearchDocument, query: Query, typed: string[]): boolean {
  const { title } = lowered(doc)
  return (
    typed.some((p) => title.includes(p)) ||
    (query.words.length > 0 && query.words.every((w) => title.includes(w)))
  )
}

export type SearchResult = SearchHit & {
  /** How many sessions of the same series matched (1 for anything else). */
  sessions: number
}

export type SearchPage = {
  /** This page's results, best first. */
  hits: SearchResult[]
  /** Every result, for the kind asked (or all kinds), after series are folded into one. */
  total: number
  /** Results per kind, before the kind filter. */
  counts: Record<string, number>
  page: number
  pages: number
}

/**
 * One page of results: documents whose title matches come first (a class called 垃圾分类实操课
 * before conventions that mention 垃圾分类 in an article), then by score; the sessions of one
 * series are a single result showing the next session; counted per kind, without a cap.
 */
export function searchPage(
  documents: readonly SearchDocument[],
  input: string,
  { kind, page = 1, pageSize = 20 }: { kind?: string | undefined; page?: number; pageSize?: number } = {},
): SearchPage {
  const query = parseQuery(input)
  const typed = phrases(query)
  const scored: Array<{ doc: SearchDocument; score: number; inTitle: boolean }> = []
  for (const doc of candidates(documents, query)) {
    const value = score(doc, query)
    if (value > 0) scored.push({ doc, score: value, inTitle: titleMatches(doc, query, typed) })
  }
  // Fold each series into its next session (the earliest start), keeping the best score.
  const groups = new Map<string, { doc: SearchDocument; score: number; inTitle: boolean; sessions: number }>()
  for (const entry of scored) {
    const key = entry.doc.group
      ? `${entry.doc.kind}:${entry.doc.group}`
      : `${entry.doc.kind}:${entry.doc.url}`
    const seen = groups.get(key)
    if (!seen) {
      groups.set(key, { ...entry, sessions: 1 })
      continue
    }
    seen.sessions += 1
    seen.score = Math.max(seen.score, entry.score)
    seen.inTitle ||= entry.inTitle
    if ((entry.doc.start ?? '') < (seen.doc.start ?? '')) seen.doc = entry.doc
  }
  const all = [...groups.values()].sort(
    (a, b) =>
      Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || a.doc.title.localeCompare(b.doc.title),
  )
  const counts: Record<string, number> = {}
  for (const entry of all) counts[entry.doc.kind] = (counts[entry.doc.kind] ?? 0) + 1
  const chosen = kind ? all.filter((entry) => entry.doc.kind === kind) : all
  const pages = Math.max(1, Math.ceil(chosen.length / pageSize))
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  const mark = highlighter(query)
  const hits = chosen
    .slice((current - 1) * pageSize, current * pageSize)
    .map(({ doc, score: value, sessions }) => ({
      ...doc,
      score: value,
      sessions,
      snippet: snippet(doc, query, 40, mark),
      titleHtml: mark(doc.title),
    }))
  return { hits, total: chosen.length, counts, page: current, pages }
}
