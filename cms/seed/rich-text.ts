/**
 * Seed files hold long texts as plain paragraphs separated by blank lines; rich-text fields store
 * Lexical's JSON. This builds that JSON: one paragraph node per paragraph.
 */
type TextNode = { type: 'text'; text: string; format: 0; style: ''; mode: 'normal'; detail: 0; version: 1 }
type ParagraphNode = {
  type: 'paragraph'
  children: TextNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  textFormat: 0
  textStyle: ''
}

export type LexicalDocument = {
  root: { type: 'root'; children: ParagraphNode[]; direction: 'ltr'; format: ''; indent: 0; version: 1 }
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/** Wrapped lines rejoin with a space in English and with nothing between Chinese characters. */
function joinLines(paragraph: string): string {
  return paragraph.replace(/(.?)\s*\n\s*(.?)/g, (_, before: string, after: string) =>
    CJK.test(before) || CJK.test(after) ? `${before}${after}` : `${before} ${after}`,
  )
}

export function richTextFromParagraphs(text: string): LexicalDocument {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => joinLines(paragraph).trim())
    .filter(Boolean)
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((paragraph) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', text: paragraph, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      })),
    },
  }
}
