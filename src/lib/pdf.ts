/**
 * PDFs of the site's own pages, printed by Debian's Chromium through Playwright, and kept on disk.
 *
 * Server-only. One browser per process, started on the first request that needs it and closed
 * again after a quiet spell (it holds a few hundred MB that a small server wants back). Renders run
 * one at a time: two cores cannot print two documents and answer residents at once.
 */
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir, projectRoot, sitePort } from '@cms/settings'
import type { Browser, Page } from 'playwright'

import { getCaseStudy } from './content/civic'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags this machine needs: no sandbox as root, and no background calls to the outside. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const IDLE_CLOSE_MS = 120_000

/** Chromium is not installed (or will not start): the caller answers 503 and suggests printing. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError'
}

let browserPromise: Promise<Browser> | undefined
let idleTimer: NodeJS.Timeout | undefined

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new PdfUnavailableError(`Chromium was not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  }
  const { chromium } = await import('playwright')
  try {
    // Playwright itself closes the browser when this process exits or is interrupted.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    browser.on('disconnected', () => {
      browserPromise = undefined
    })
    return browser
  } catch (error) {
    throw new PdfUnavailableError(`Chromium did not start: ${(error as Error).message}`)
  }
}

function browser(): Promise<Browser> {
  browserPromise ??= launch().catch((error: unknown) => {
    // The next request tries again: Chromium may have been installed in the meantime.
    browserPromise = undefined
    throw error
  })
  return browserPromise
}

function closeWhenIdle(): void {
  clearTimeout(idleTimer)
  idleTimer = setTimeout(() => {
    const closing = browserPromise
    browserPromise = undefined
    void closing?.then((b) => b.close()).catch(() => {})
  }, IDLE_CLOSE_MS)
  idleTimer.unref()
}

let queue: Promise<unknown> = Promise.resolve()

/** A print that hangs (page.pdf has no timeout of its own) must not stop every later one. */
const JOB_TIMEOUT_MS = 120_000

/** Runs one job with a fresh page of the shared browser, after every job queued before it. */
export function withPage<T>(job: (page: Page) => Promise<T>): Promise<T> {
  const run = async () => {
    clearTimeout(idleTimer)
    const context = await (await browser()).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    let timer: NodeJS.Timeout | undefined
    try {
      const page = await context.newPage()
      await page.emulateMedia({ media: 'print' })
      const overdue = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('printing took longer than two minutes')), JOB_TIMEOUT_MS)
      })
      return await Promise.race([job(page), overdue])
    } finally {
      clearTimeout(timer)
      // Closing the context also ends a print still running after the timeout.
      await context.close().catch(() => {})
      closeWhenIdle()
    }
  }
  const result = queue.then(run, run)
  queue = result.catch(() => {})
  return result
}

/**
 * Where Chromium finds the site: this very server on its loopback address, never the Host header
 * of the request (a forged one would have us print, and cache, someone else's page).
 */
export function siteOrigin(): string {
  const host = process.env.HOST
  const local = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host
  return process.env.PDF_SITE_ORIGIN ?? `http://${local.includes(':') ? `[${local}]` : local}:${sitePort}`
}

/** Prints a page of the site (a path such as /en/case-studies/x) as A4, the way the print stylesheet lays it out. */
export async function printPage(page: Page, pathname: string): Promise<Buffer> {
  const response = await page.goto(`${siteOrigin()}${pathname}`, { waitUntil: 'load', timeout: 30_000 })
  if (!response?.ok()) throw new Error(`${pathname} answered ${response?.status() ?? 'nothing'}`)
  return page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: true,
  })
}

/**
 * What a PDF was printed from besides its content: the built site (a new stylesheet or layout means
 * new PDFs), so that a deployment never serves a PDF laid out by the code it replaced.
 */
function buildStamp(): string {
  try {
    return String(statSync(path.join(projectRoot, 'dist', 'server', 'entry.mjs')).mtimeMs)
  } catch {
    return 'dev'
  }
}

export const pdfCacheDir = path.join(dataDir, 'pdf')

const building = new Map<string, Promise<Buffer>>()

/** The file a document is cached in: its name, then a hash of everything it was printed from. */
export function cacheFile(name: string, fingerprint: string): string {
  const hash = createHash('sha256').update(`${buildStamp()}\n${fingerprint}`).digest('hex').slice(0, 20)
  return path.join(pdfCacheDir, `${name}.${hash}.pdf`)
}

/** Whether this exact version is on disk or being printed right now. */
export function cacheState(file: string): 'ready' | 'building' | 'missing' {
  if (building.has(file)) return 'building'
  return existsSync(file) ? 'ready' : 'missing'
}

/**
 * The PDF named `name` for this fingerprint: from disk when it was printed before, else printed now
 * (once, however many ask at the same moment), saved, and older versions of it removed.
 */
export function cachedPdf(name: string, fingerprint: string, print: () => Promise<Buffer>): Promise<Buffer> {
  const file = cacheFile(name, fingerprint)
  const pending = building.get(file)
  if (pending) return pending
  if (existsSync(file)) return readFile(file)
  const job = (async () => {
    const pdf = await print()
    await mkdir(pdfCacheDir, { recursive: true })
    // Written aside and renamed, so a reader never gets half a file.
    const partial = `${file}.${process.pid}.partial`
    await writeFile(partial, pdf)
    await rename(partial, file)
    const base = path.basename(file)
    for (const entry of await readdir(pdfCacheDir)) {
      if (entry !== base && entry.startsWith(`${name}.`) && entry.endsWith('.pdf')) {
        await rm(path.join(pdfCacheDir, entry), { force: true })
      }
    }
    return pdf
  })().finally(() => building.delete(file))
  building.set(file, job)
  return job
}

/** A PDF answer: shown in the browser's viewer, saved under a readable name. */
export function pdfResponse(pdf: Buffer, filename: string): Response {
  const ascii = filename.replace(/[^\w.-]/g, '_')
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'content-length': String(pdf.byteLength),
      // Shared caches may keep it briefly: an edit shows within a minute, like the page itself.
      'cache-control': 'public, max-age=60, stale-while-revalidate=300',
      'x-content-type-options': 'nosniff',
    },
  })
}

/** The bilingual 503 when Chromium is missing: the reader can still print the page themselves. */
export function pdfUnavailableResponse(pagePath: string): Response {
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂时无法生成 PDF · PDF not available</title>
<style>body{font:18px/1.7 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1b18}a{color:#a3341f}</style>
</head><body>
<h1>暂时无法生成 PDF</h1>
<p>服务器上的 PDF 生成程序现在不可用。请打开<a href="${pagePath}">网页版</a>，用浏览器的“打印”功能（电脑上按 Ctrl+P，苹果电脑按 ⌘P），选择“另存为 PDF”。</p>
<h2 lang="en">PDF not available</h2>
<p lang="en">The server cannot make PDFs right now. Open <a href="${pagePath}">the page</a> and use your browser’s Print function (Ctrl+P, or ⌘P on a Mac), then choose “Save as PDF”.</p>
</body></html>`
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': '300',
    },
  })
}

/**
 * GET /case-studies/[slug].pdf and /en/…: the case study's own page, printed. The PDF exists
 * exactly when the page does (published, in either language as the page shows it), and is printed
 * again once the case study or a centre or project it shows has changed. Null when there is none:
 * the route answers with the site's not-found page.
 */
export async function caseStudyPdfResponse(
  slug: string | undefined,
  lang: 'zh' | 'en',
): Promise<Response | null> {
  const caseStudy = slug && /^[\w-]{1,120}$/.test(slug) ? await getCaseStudy(slug, lang) : null
  if (!caseStudy) return null
  const pagePath = `${lang === 'en' ? '/en' : ''}/case-studies/${caseStudy.slug}`
  const related = [...(caseStudy.relatedCentres ?? []), ...(caseStudy.relatedProjects ?? [])].map((doc) =>
    typeof doc === 'object' && doc ? `${doc.id}@${doc.updatedAt}` : String(doc),
  )
  const fingerprint = [caseStudy.id, caseStudy.updatedAt, ...related].join('|')
  try {
    const pdf = await cachedPdf(`case-study-${caseStudy.slug}-${lang}`, fingerprint, () =>
      withPage((page) => printPage(page, pagePath)),
    )
    return pdfResponse(pdf, `${caseStudy.slug}${lang === 'en' ? '-en' : ''}.pdf`)
  } catch (error) {
    if (error instanceof PdfUnavailableError) return pdfUnavailableResponse(pagePath)
    throw error
  }
}
