/**
 * PDFs printed by the portal: a case study for a delegation, and the conventions booklet. The
 * PDFs are read back with a real text extractor (pdf.js), as a reader's PDF viewer would.
 */
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openPage, PHONE } from './browser'
import { api } from './rest'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Pdf = { pages: string[]; bytes: Buffer }

async function readPdf(bytes: Buffer): Promise<Pdf> {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
  }
  await doc.destroy()
  return { pages, bytes }
}

/**
 * Whether PDF text contains a phrase, ignoring line breaks and spacing. A PDF stores glyphs, and
 * CJK fonts share one glyph between an ideograph and a radical or compatibility form (页 and ⻚,
 * 户 and ⼾), so the text read back may name that other character: one of those is allowed to
 * stand for any one Chinese character of the phrase.
 */
function pdfContains(text: string, phrase: string): boolean {
  const squash = (s: string) => s.replace(/\s+/gu, '')
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = [...squash(phrase)]
    .map((ch) =>
      /\p{Script=Han}/u.test(ch) ? `(?:${escape(ch)}|[\\u2E80-\\u2FDF\\uF900-\\uFAFF])` : escape(ch),
    )
    .join('')
  return new RegExp(pattern, 'u').test(squash(text))
}

async function getPdf(url: string): Promise<{ response: Response; pdf: Pdf; ms: number }> {
  const started = Date.now()
  const response = await fetch(url)
  const bytes = Buffer.from(await response.arrayBuffer())
  const ms = Date.now() - started
  expect(response.status, url).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  expect(response.headers.get('content-disposition')).toMatch(/^inline; filename=/)
  return { response, pdf: await readPdf(bytes), ms }
}

/**
 * The booklet, as a reader's browser gets it: while it is being printed the answer is a page that
 * says so and reloads itself every few seconds, until the PDF is there.
 */
async function getBooklet(): Promise<{ pdf: Pdf; waited: boolean }> {
  const url = `${inject('siteUrl')}/conventions/booklet.pdf`
  let waited = false
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(url)
    if (response.status === 202) {
      waited = true
      const html = await response.text()
      expect(html).toContain('正在生成小册子')
      expect(html).toContain('<meta http-equiv="refresh" content="3">')
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      continue
    }
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    return { pdf: await readPdf(Buffer.from(await response.arrayBuffer())), waited }
  }
  throw new Error('the booklet was never ready')
}

type CaseStudyDoc = { id: number; slug: string; title: string }

describe('a case study as a PDF', () => {
  it('a delegation reading a case study in English downloads it as a PDF with its title', async () => {
    const translated = (
      await api('anonymous', 'GET', '/api/case-studies?locale=en&fallback-locale=none&depth=0&limit=100')
    ).json.docs as CaseStudyDoc[]
    const doc = translated.find((d) => d.title)!
    expect(doc).toBeDefined()

    const page = await openPage(browser, { viewport: PHONE, locale: 'en-GB' })
    expect((await page.goto(`${inject('siteUrl')}/en/case-studies/${doc.slug}`))?.status()).toBe(200)
    const link = page.getByRole('link', { name: /^Download PDF/ })
    await expect(link.count()).resolves.toBe(1)
    const href = await link.getAttribute('href')
    expect(href).toBe(`/en/case-studies/${doc.slug}.pdf`)
    const url = new URL(href!, page.url()).href
    await page.context().close()

    const first = await getPdf(url)
    expect(pdfContains(first.pdf.pages.join('\n'), doc.title), `the PDF names “${doc.title}”`).toBe(true)
    // On paper the address of the page says where it came from.
    expect(pdfContains(first.pdf.pages.at(-1)!, `/en/case-studies/${doc.slug}`)).toBe(true)

    // Unchanged: the same file from the cache, not printed again (a new print has a new date inside).
    const again = await getPdf(url)
    expect(again.pdf.bytes.equals(first.pdf.bytes)).toBe(true)
    expect(again.ms).toBeLessThan(first.ms)

    // Edited: the next download is printed anew from the changed page.
    const stamp = Date.now().toString(36)
    const newTitle = `${doc.title} (updated ${stamp})`
    const edit = (title: string) =>
      api('district-admin', 'PATCH', `/api/case-studies/${doc.id}?locale=en`, { title, _status: 'published' })
    expect((await edit(newTitle)).status).toBe(200)
    try {
      const changed = await getPdf(url)
      expect(changed.pdf.bytes.equals(first.pdf.bytes)).toBe(false)
      expect(pdfContains(changed.pdf.pages.join('\n'), `updated ${stamp}`)).toBe(true)
    } finally {
      expect((await edit(doc.title)).status).toBe(200)
    }
  })

  it('prints the Chinese case study too, and answers 404 for one that does not exist', async () => {
    const [doc] = (await api('anonymous', 'GET', '/api/case-studies?locale=zh&depth=0&limit=1')).json
      .docs as CaseStudyDoc[]
    const { pdf } = await getPdf(`${inject('siteUrl')}/case-studies/${doc!.slug}.pdf`)
    expect(pdfContains(pdf.pages[0]!, doc!.title)).toBe(true)

    for (const path of ['/case-studies/no-such-case.pdf', '/en/case-studies/no-such-case.pdf']) {
      const response = await fetch(`${inject('siteUrl')}${path}`)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toContain(
        path.startsWith('/en/') ? 'We could not find that page' : '找不到这个页面',
      )
    }
  })
})

type ConventionDoc = { id: number; title: string; status: string; _status?: string }

describe('the conventions booklet', () => {
  it('prints every convention in force with a table of contents, and none that is a draft or retired', async () => {
    const centre = (
      (await api('anonymous', 'GET', '/api/centres?where[slug][equals]=siping-road&depth=0')).json
        .docs as Array<{ id: number; neighbourhoods?: number[] }>
    )[0]!
    const stamp = Date.now().toString(36)
    const create = async (title: string, status: string) => {
      const created = await api('district-admin', 'POST', '/api/conventions', {
        title,
        slug: `e2e-booklet-${status}-${stamp}`,
        type: 'residents',
        status,
        scope: 'neighbourhood',
        centre: centre.id,
        neighbourhood: centre.neighbourhoods![0],
        effectiveDate: '2024-03-01T00:00:00.000Z',
        articles: [{ text: `楼道里不堆放杂物，保持通道畅通（${status}）。` }],
        adoption: [
          { date: '2024-02-20T00:00:00.000Z', kind: 'vote', attendance: 40, for: 36, against: 2, abstain: 2 },
        ],
        _status: 'published',
      })
      expect(created.status, `${status}: ${JSON.stringify(created.json).slice(0, 300)}`).toBe(201)
      return (created.json.doc as ConventionDoc).id
    }
    const adoptedTitle = `测试新订公约${stamp}`
    const adoptedId = await create(adoptedTitle, 'adopted')
    await create(`测试草案公约${stamp}`, 'draft')
    await create(`测试废止公约${stamp}`, 'retired')

    const all = (await api('district-admin', 'GET', '/api/conventions?limit=0&depth=0')).json
      .docs as ConventionDoc[]
    const published = all.filter((c) => c._status === 'published')
    const inForce = published.filter((c) => c.status === 'adopted' || c.status === 'revised')
    const outOfForce = all.filter((c) => ['draft', 'consultation', 'retired'].includes(c.status))
    expect(inForce.some((c) => c.id === adoptedId)).toBe(true)
    expect(outOfForce.length).toBeGreaterThanOrEqual(3)

    const { pdf } = await getBooklet()
    const text = pdf.pages.join('\n')
    expect(pdfContains(pdf.pages[0]!, '居民公约汇编')).toBe(true)
    for (const c of inForce) expect(pdfContains(text, c.title), `in force: ${c.title}`).toBe(true)
    for (const c of outOfForce) {
      // A title that is part of one in force (…公约 and …公约（修订）) cannot be told apart in text.
      if (inForce.some((f) => f.title.includes(c.title))) continue
      expect(pdfContains(text, c.title), `${c.status}: ${c.title}`).toBe(false)
    }
    // The adoption record comes with each convention.
    expect(pdfContains(text, '赞成 36 票')).toBe(true)

    // The table of contents (before any convention) gives the page each convention starts on.
    expect(pdfContains(pdf.pages[1]!, '目录')).toBe(true)
    for (const c of inForce) {
      const listed = pdf.pages.findIndex((p) => pdfContains(p, c.title))
      const starts = pdf.pages.findIndex((p, i) => i > listed && pdfContains(p, c.title))
      expect(starts, `${c.title} is printed after the contents`).toBeGreaterThan(listed)
      expect(
        pdfContains(pdf.pages[listed]!, `${c.title}${starts + 1}`),
        `the contents put ${c.title} on page ${starts + 1}`,
      ).toBe(true)
    }

    // Unchanged: from the cache, the very same file.
    const again = await getBooklet()
    expect(again.waited).toBe(false)
    expect(again.pdf.bytes.equals(pdf.bytes)).toBe(true)

    // A convention is amended: the booklet is printed again with the new title, not the old one.
    const amended = `测试修订公约${stamp}`
    const patched = await api('district-admin', 'PATCH', `/api/conventions/${adoptedId}`, {
      title: amended,
      status: 'revised',
      _status: 'published',
    })
    expect(patched.status).toBe(200)
    const rebuilt = (await getBooklet()).pdf
    const rebuiltText = rebuilt.pages.join('\n')
    expect(pdfContains(rebuiltText, amended)).toBe(true)
    expect(pdfContains(rebuiltText, adoptedTitle)).toBe(false)
  })

  it('is offered on the conventions library', async () => {
    const page = await openPage(browser, { viewport: PHONE })
    await page.goto(`${inject('siteUrl')}/conventions`)
    await expect(page.getByRole('link', { name: /居民公约汇编.*PDF/ }).getAttribute('href')).resolves.toBe(
      '/conventions/booklet.pdf',
    )
    await page.context().close()
  })
})
