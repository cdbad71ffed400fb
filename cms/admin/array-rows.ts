/**
 * Array rows that say what they are. Without this Payload labels a row by the field's name in
 * English ("Adoption 01", "添加 Revision"); here every array's rows take the array's Chinese label
 * and are titled by their own first fields (a date, a title, a name), so staff can find a row
 * without opening each one. Applied to every collection and global, so a new array gets it too.
 */
import type { CollectionConfig, Field, GlobalConfig } from 'payload'

/** A sub-field the row label may quote; select options carry their labels so none shows a code. */
export type QuotedField = {
  name: string
  type: 'date' | 'number' | 'select' | 'text' | 'textarea'
  options?: Array<{ label: unknown; value: string }>
}

const QUOTABLE = new Set(['date', 'number', 'select', 'text', 'textarea'])

/** The first two fields a row can be told apart by, looking through rows and collapsibles. */
function quotable(fields: Field[]): QuotedField[] {
  const found: QuotedField[] = []
  for (const field of fields) {
    if (found.length >= 2) break
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) {
      found.push(...quotable(field.fields).slice(0, 2 - found.length))
    } else if ('name' in field && QUOTABLE.has(field.type) && !('hasMany' in field && field.hasMany)) {
      const options =
        field.type === 'select'
          ? field.options.map((o) => (typeof o === 'string' ? { label: o, value: o } : o))
          : undefined
      found.push({ name: field.name, type: field.type as QuotedField['type'], options })
    }
  }
  return found
}

function labelRows(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'array') {
      const noun = field.labels?.singular ?? field.label ?? field.name
      return {
        ...field,
        labels: field.labels ?? { singular: noun as string, plural: noun as string },
        fields: labelRows(field.fields),
        admin: {
          ...field.admin,
          components: {
            ...field.admin?.components,
            RowLabel: field.admin?.components?.RowLabel ?? {
              path: '/components/ArrayRowLabel#ArrayRowLabel',
              clientProps: { noun, quoted: quotable(field.fields) },
            },
          },
        },
      }
    }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: labelRows(field.fields) } as Field
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: labelRows(tab.fields) })) }
    }
    return field
  })
}

export function withRowLabels<T extends CollectionConfig | GlobalConfig>(config: T): T {
  return { ...config, fields: labelRows(config.fields) }
}
