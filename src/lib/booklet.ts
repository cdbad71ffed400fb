/**
 * The conventions booklet (/conventions/booklet.pdf): every convention in force, grouped by
 * sub-district and type, with a table of contents that gives page numbers.
 *
 * Chromium cannot put page numbers into a table of contents (no target-counter), so the booklet is
 * printed twice. The first print carries an invisible marker at the start of every convention;
 * reading its text back tells on which page each one begins. The second print is the same page with
 * those numbers written into the contents. Each convention starts on a new page and the contents
 * keep a fixed-width column for the number, so filling the numbers in moves nothing.
 */
import type { Convention, SubDistrict } from '@cms/payload-types'
import { CONVENTION_TYPES, labelOf } from '@cms/vocabulary'

import { civicCentre, civicPlace, conventionsInForce } from './content/civic'
import {
  cachedPdf,
  cacheFile,
  cacheState,
  PdfUnavailableError,
  pdfResponse,
  pdfUnavailableResponse,
  printPage,
  withPage,
} from './pdf'

export const BOOKLET_PATH = '/conventions/booklet'
const BOOKLET_NAME = 'conventions-booklet'

export type BookletGroup = {
  subDistrict: string
  types: Array<{ type: Convention['type']; label: string; conventions: Convention[] }>
}

const NO_SUB_DISTRICT = '其他'

/**
 * Sub-districts in their usual order (by slug, as the library's filter lists them), conventions
 * without one last; inside each, the types in the vocabulary's order; inside each type, oldest in
 * force first.
 */
export function groupBooklet(conventions: Convention[]): BookletGroup[] {
  const bySubDistrict = new Map<string, { sub?: SubDistrict; conventions: Convention[] }>()
  for (const convention of conventions) {
    const sub = civicPlace(convention).subDistrict
    const key = sub?.slug ?? ''
    const entry = bySubDistrict.get(key) ?? { sub, conventions: [] }
    entry.conventions.push(convention)
    bySubDistrict.set(key, entry)
  }
  const typeOrder = CONVENTION_TYPES.map((t) => t.value as string)
  return [...bySubDistrict]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, { sub, conventions: inPlace }]) => ({
      subDistrict: sub?.name ?? NO_SUB_DISTRICT,
      types: [...new Set(inPlace.map((c) => c.type))]
        .sort((a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b))
        .map((type) => ({
          type,
          label: labelOf(CONVENTION_TYPES, type),
          conventions: inPlace
            .filter((c) => c.type === type)
            .sort(
              (a, b) =>
                (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? '') || a.slug.localeCompare(b.slug),
            ),
        })),
    }))
}

/**
 * Everything the booklet prints that can change: each convention's version and the names of the
 * places and centres it is filed under. A new fingerprint means a new booklet.
 */
export function bookletFingerprint(conventions: Convention[]): string {
  return conventions
    .map((c) => {
      const place = civicPlace(c)
      return [c.id, c.updatedAt, place.subDistrict?.name, place.neighbourhood, civicCentre(c)?.name].join('|')
    })
    .sort()
    .join('\n')
}

/** The marker the first print carries for a convention, and how it is found again in the PDF's text. */
export const bookletMarker = (id: number | string) => `[[bk:${id}]]`
const MARKER = /\[\[bk:(\w+)\]\]/g

/** Reads the text of each page of a PDF and returns on which page each convention's marker appears. */
async function pagesOfMarkers(pdf: Buffer, total: number, onFound: (found: number) => void) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise
  const pages = new Map<string, number>()
  let found = 0
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('')
      for (const match of text.matchAll(MARKER)) {
        if (!pages.has(match[1]!)) pages.set(match[1]!, n)
      }
      if (pages.size > found) {
        found = pages.size
        onFound(Math.min(found, total))
      }
    }
    return { pages, numPages: doc.numPages }
  } finally {
    await doc.destroy()
  }
}

/** How far the booklet being printed has got, for the server log and for readers who are waiting. */
export type BookletProgress = {
  startedAt: number
  total: number
  laidOut: number
  stage: 'loading' | 'laying-out' | 'numbering' | 'printing' | 'done' | 'failed'
}

let progress: BookletProgress | undefined
let lastFailure: { fingerprint: string; at: number; error: Error } | undefined

function report(update: Partial<BookletProgress>, line?: string): void {
  if (progress) Object.assign(progress, update)
  if (line) console.log(`booklet: ${line}`)
}

async function printBooklet(total: number): Promise<Buffer> {
  progress = { startedAt: Date.now(), total, laidOut: 0, stage: 'loading' }
  report({}, `printing ${total} conventions in force…`)
  return withPage(async (page) => {
    report({ stage: 'laying-out' }, 'first pass: laying out every convention')
    const draft = await printPage(page, `${BOOKLET_PATH}?markers=1`)
    report({ stage: 'numbering' }, 'finding the page each convention starts on')
    let said = 0
    const { pages } = await pagesOfMarkers(draft, total, (found) => {
      report({ laidOut: found })
      // A line every tenth convention is enough to show it is moving without flooding the log.
      if (found === total || found - said >= 10) {
        said = found
        report({}, `${found}/${total} conventions laid out`)
      }
    })
    if (pages.size < total) {
      console.warn(`booklet: only ${pages.size} of ${total} conventions were found in the first pass`)
    }
    report({ stage: 'printing', laidOut: total }, 'second pass: printing with the table of contents…')
    const numbers = [...pages].map(([id, n]) => `${id}:${n}`).join(',')
    const pdf = await printPage(page, `${BOOKLET_PATH}?pages=${encodeURIComponent(numbers)}`)
    const seconds = ((Date.now() - (progress?.startedAt ?? Date.now())) / 1000).toFixed(1)
    const count = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length
    report({ stage: 'done' }, `done in ${seconds} s${count ? `, ${count} pages` : ''}`)
    return pdf
  })
}

/** How long a reader's request waits for a booklet being printed before being told to come back. */
const WAIT_MS = 5_000

function progressPage(state: BookletProgress | undefined): Response {
  const total = state?.total ?? 0
  const done = state?.laidOut ?? 0
  const stage =
    state?.stage === 'printing'
      ? { zh: '正在排版目录和页码', en: 'adding the page numbers' }
      : state?.stage === 'numbering'
        ? { zh: `已完成 ${done}/${total}`, en: `${done} of ${total} conventions laid out` }
        : { zh: `共 ${total} 份公约，正在排版`, en: `laying out ${total} conventions` }
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="3">
<title>正在生成小册子… · Preparing the booklet…</title>
<style>body{font:18px/1.7 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1b18}a{color:#a3341f}progress{width:100%;height:1.2rem}</style>
</head><body>
<h1 role="status">正在生成小册子…（${stage.zh}）</h1>
${total ? `<progress max="${total}" value="${done}">${done}/${total}</progress>` : ''}
<p>居民公约汇编正在排版，通常需要十几秒。本页每 3 秒自动刷新，完成后会直接打开 PDF。也可以先看<a href="${BOOKLET_PATH}">网页版</a>。</p>
<p lang="en">Preparing the conventions booklet (${stage.en}). This page refreshes every 3 seconds and opens the PDF when it is ready.</p>
</body></html>`
  return new Response(html, {
    status: 202,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '3' },
  })
}

function failurePage(): Response {
  return new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>小册子生成失败</title></head><body>
<h1>小册子暂时生成失败</h1><p>请稍后再试，或先看<a href="${BOOKLET_PATH}">网页版</a>并用浏览器的“打印”功能保存为 PDF。</p>
<p lang="en">The booklet could not be printed just now. Please try again later, or open <a href="${BOOKLET_PATH}">the web version</a> and print it from your browser.</p>
</body></html>`,
    { status: 500, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )
}

/**
 * GET /conventions/booklet.pdf. The booklet on disk when nothing changed since it was printed;
 * otherwise it is printed now, and a reader who would wait more than a few seconds gets a page that
 * shows how far it has got and reloads itself until the PDF is there.
 */
export async function bookletResponse(): Promise<Response> {
  const conventions = await conventionsInForce()
  const fingerprint = bookletFingerprint(conventions)
  const file = cacheFile(BOOKLET_NAME, fingerprint)
  const state = cacheState(file)
  if (
    state === 'missing' &&
    lastFailure?.fingerprint === fingerprint &&
    Date.now() - lastFailure.at < 60_000
  ) {
    return lastFailure.error instanceof PdfUnavailableError
      ? pdfUnavailableResponse(BOOKLET_PATH)
      : failurePage()
  }
  const job = cachedPdf(BOOKLET_NAME, fingerprint, () => printBooklet(conventions.length))
  // Handled here once, so a reader who left before it finished leaves no unhandled failure behind.
  job.catch((error: Error) => {
    if (progress) progress.stage = 'failed'
    lastFailure = { fingerprint, at: Date.now(), error }
    console.error(`booklet: failed: ${error.message}`)
  })
  if (state === 'ready') return pdfResponse(await job, '居民公约汇编.pdf')
  const timeout = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), WAIT_MS).unref())
  try {
    const result = await Promise.race([job, timeout])
    if (result === 'waiting') return progressPage(progress)
    return pdfResponse(result, '居民公约汇编.pdf')
  } catch (error) {
    return error instanceof PdfUnavailableError ? pdfUnavailableResponse(BOOKLET_PATH) : failurePage()
  }
}
