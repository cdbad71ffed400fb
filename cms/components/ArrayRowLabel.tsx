'use client'
import { getTranslation } from '@payloadcms/translations'
import { useRowLabel, useTranslation } from '@payloadcms/ui'

import type { QuotedField } from '../admin/array-rows'

type Label = string | Record<string, string>

/** "2026-03-01 · 居民议事会", or "民主协商与表决记录 3" while the row is still empty. */
export function ArrayRowLabel({ noun, quoted }: { noun: Label; quoted: QuotedField[] }) {
  const { data, rowNumber } = useRowLabel<Record<string, unknown>>()
  const { i18n } = useTranslation()
  const parts = quoted
    .map((field) => shown(field, data?.[field.name], (label) => getTranslation(label as Label, i18n)))
    .filter(Boolean)
  const title = parts.length > 0 ? parts.join(' · ') : `${getTranslation(noun, i18n)} ${(rowNumber ?? 0) + 1}`
  return <span>{title}</span>
}

function shown(field: QuotedField, value: unknown, translate: (label: unknown) => string): string {
  if (value === undefined || value === null || value === '') return ''
  if (field.type === 'date') return shanghaiDay(String(value))
  if (field.type === 'select') {
    const option = field.options?.find((o) => o.value === value)
    return option ? translate(option.label) : ''
  }
  const text = String(value)
  return text.length > 30 ? `${text.slice(0, 30)}…` : text
}

// The calendar day in Shanghai, whatever the browser's zone (dates are stored as UTC instants).
function shanghaiDay(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(date)
}
