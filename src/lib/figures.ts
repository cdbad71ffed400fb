/**
 * The counting behind the district figures page (/figures), kept free of Payload so it can be
 * unit-tested; src/lib/cms.ts fetches the documents and hands them here.
 */

import { dateFormat } from './formats'

/** Months are counted on the district's clock, so an event at 00:30 on 1 June is a June event. */
const SHANGHAI_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
})

/** 'YYYY-MM' of an instant, in Shanghai time. */
export function shanghaiMonth(instant: string | Date): string {
  const parts = SHANGHAI_MONTH.formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}`
}

function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number)
  return (year ?? 0) * 12 + ((m ?? 1) - 1)
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * The months a monthly chart of what happened shows: from the first month that has anything (but
 * no more than `back` months before the current one) to the current month, with the empty months
 * between kept, so a quiet month reads as zero rather than disappearing. Months still to come
 * have nothing to show yet and are left out.
 */
export function monthWindow(present: Iterable<string>, now: Date, back = 11): string[] {
  const current = monthIndex(shanghaiMonth(now))
  const indexes = [...present].map(monthIndex).filter((i) => i >= current - back && i <= current)
  if (indexes.length === 0) return []
  const first = Math.min(...indexes)
  return Array.from({ length: current - first + 1 }, (_, i) => monthOf(first + i))
}

/** The first instant (Shanghai midnight) of the earliest month monthWindow can show. */
export function windowStart(now: Date, back = 11): Date {
  return new Date(`${monthOf(monthIndex(shanghaiMonth(now)) - back)}-01T00:00:00+08:00`)
}

export function monthLabel(month: string, lang: 'zh' | 'en'): string {
  const [year, m] = month.split('-').map(Number)
  if (lang === 'zh') return `${year}年${m}月`
  return dateFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 2000, (m ?? 1) - 1, 15)),
  )
}

/**
 * How many items fall under each of `keys`, in that order (an item may fall under several, like
 * a convention with several topics). Values outside `keys` are not counted.
 */
export function countEach<T, K>(
  items: readonly T[],
  keys: readonly K[],
  keysOf: (item: T) => K | K[],
): number[] {
  const counts = new Map<K, number>(keys.map((key) => [key, 0]))
  for (const item of items) {
    const found = keysOf(item)
    for (const key of new Set(Array.isArray(found) ? found : [found])) {
      const count = counts.get(key)
      if (count !== undefined) counts.set(key, count + 1)
    }
  }
  return keys.map((key) => counts.get(key) ?? 0)
}
