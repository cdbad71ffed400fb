import type { TextField } from 'payload'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The part of a page's address that names the document, e.g. /centres/siping-road. */
export function slugField(overrides: Partial<TextField> = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    label: { zh: '网址标识', en: 'Slug' },
    admin: {
      position: 'sidebar',
      description: {
        zh: '用于网址，只用小写字母、数字和连字符，例如 siping-road',
        en: 'Used in the address: lowercase letters, digits and hyphens, e.g. siping-road',
      },
    },
    validate: (value: unknown) =>
      typeof value === 'string' && SLUG.test(value)
        ? true
        : '只能使用小写字母、数字和连字符 / Use lowercase letters, digits and hyphens only',
    ...overrides,
  } as TextField
}
