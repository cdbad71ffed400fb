/** District figures (/figures): every number counted from published content. */
import { periodLabel } from '@cms/rules/rubric'
import { monthlyActivity } from '@cms/seats/attendance'
import { CONVENTION_TOPICS, labelOf, PROJECT_KINDS, PROJECT_STATUSES } from '@cms/vocabulary'
import { cms, findDocuments, type Locale } from '../cms'
import { countEach, monthLabel, monthWindow, windowStart } from '../figures'
import { keptUntilContentChanges, keptUntilDocumentsChange } from './memo'

export type FigureSeries = { key: string; label: string }
export type FigureRow = { key: string; label: string; values: number[] }

/** The numbers of the district figures page: every one counted from published content. */
export type DistrictFigures = {
  /** Centres by star level (5★ first) in each evaluation period, oldest period first. */
  stars: { levels: FigureSeries[]; periods: FigureRow[] }
  /** Projects of each kind, by status. */
  projects: { statuses: FigureSeries[]; kinds: FigureRow[] }
  /** Conventions per topic, most frequent first; one convention may have several topics. */
  conventions: { total: number; topics: FigureRow[] }
  /** Per month (Shanghai time): scheduled events, people signed up, people who came. */
  months: FigureRow[]
  monthSeries: FigureSeries[]
}

/** What documents alone give: stars, projects and conventions (sign-ups move none of it). */
export type DocumentFigures = Pick<DistrictFigures, 'stars' | 'projects' | 'conventions'>
/** What sign-ups and check-ins move: the months' events, people signed up and people who came. */
export type ActivityFigures = Pick<DistrictFigures, 'months' | 'monthSeries'>

/**
 * Counts for /figures, in one language. Only what the public can see counts: published centres'
 * published evaluations, published projects, conventions and events (never drafts), and only
 * events that go ahead. Sign-ups are personal data: only the database's totals per event are read.
 */
export async function districtFigures(lang: Locale, now = new Date()): Promise<DistrictFigures> {
  const [documents, activity] = await Promise.all([documentFigures(lang), activityFigures(lang, now)])
  return { ...documents, ...activity }
}

async function documentFigures(lang: Locale): Promise<DocumentFigures> {
  const common = { limit: 0, pagination: false, depth: 0 } as const
  const [centres, evaluations, projects, conventions] = await Promise.all([
    findDocuments({ collection: 'centres', select: { slug: true }, ...common }),
    findDocuments({
      collection: 'evaluations',
      select: { centre: true, year: true, half: true, periodKey: true, stars: true },
      sort: 'periodKey',
      ...common,
    }),
    findDocuments({ collection: 'projects', select: { kind: true, status: true }, ...common }),
    findDocuments({ collection: 'conventions', select: { topics: true }, ...common }),
  ])

  // An evaluation of a centre the public cannot see (not yet published) is not shown either.
  const publicCentres = new Set(centres.docs.map((c) => String(c.id)))
  const rated = evaluations.docs.filter((e) =>
    publicCentres.has(String(typeof e.centre === 'object' ? e.centre.id : e.centre)),
  )
  const levels = [5, 4, 3, 2, 1]
  const periodKeys = [...new Set(rated.map((e) => e.periodKey ?? 0))].sort((a, b) => a - b)
  const periods = periodKeys.map((key) => {
    const inPeriod = rated.filter((e) => e.periodKey === key)
    const first = inPeriod[0]!
    return {
      key: String(key),
      label: periodLabel(first.year, first.half as '1' | '2', lang),
      values: countEach(inPeriod, levels, (e) => e.stars ?? 0),
    }
  })

  const statuses = PROJECT_STATUSES.map((s) => s.value)
  const kinds = PROJECT_KINDS.map(({ value, label }) => ({
    key: value,
    label: label[lang],
    values: countEach(
      projects.docs.filter((p) => p.kind === value),
      statuses,
      (p) => p.status,
    ),
  }))

  const topicCounts = countEach(
    conventions.docs,
    CONVENTION_TOPICS.map((t) => t.value),
    (c) => c.topics ?? [],
  )
  const topics = CONVENTION_TOPICS.map(({ value }, i) => ({
    key: value,
    label: labelOf(CONVENTION_TOPICS, value, lang),
    values: [topicCounts[i] ?? 0],
  }))
    .filter((t) => t.values[0]! > 0)
    .sort((a, b) => b.values[0]! - a.values[0]!)

  const zh = lang === 'zh'
  return {
    stars: {
      levels: levels.map((stars) => ({
        key: String(stars),
        label: zh ? `${stars} 星` : `${stars} ${stars === 1 ? 'star' : 'stars'}`,
      })),
      periods,
    },
    projects: {
      statuses: PROJECT_STATUSES.map(({ value, label }) => ({ key: value, label: label[lang] })),
      kinds,
    },
    conventions: { total: conventions.docs.length, topics },
  }
}

async function activityFigures(lang: Locale, now: Date): Promise<ActivityFigures> {
  // Counted by the database, month by month (cms/seats/attendance.ts): never the sign-ups
  // themselves, and the same two small queries however many years the district has. Only events
  // that have begun: what happened.
  const activity = await monthlyActivity(await cms(), windowStart(now), now)
  const perMonth = new Map(activity.map((row) => [row.month, row]))
  const months = monthWindow(perMonth.keys(), now)
  const zh = lang === 'zh'
  return {
    monthSeries: [
      { key: 'events', label: zh ? '活动场次' : 'Events' },
      { key: 'signedUp', label: zh ? '报名人数' : 'People signed up' },
      { key: 'attended', label: zh ? '签到人数' : 'People who came' },
    ],
    months: months.map((month) => ({
      key: month,
      label: monthLabel(month, lang),
      values: [
        perMonth.get(month)?.events ?? 0,
        perMonth.get(month)?.signedUp ?? 0,
        perMonth.get(month)?.attended ?? 0,
      ],
    })),
  }
}

/**
 * The figures as of now, for /figures, in two parts kept apart: what documents give, kept until a
 * document changes, and the months' activity, kept until anything changes (each sign-up moves
 * "signed up", each check-in "came"); both at most a minute, for the month's turn. So after a
 * sign-up the page reads, and draws, only its two charts of months again.
 */
export const currentDocumentFigures = keptUntilDocumentsChange((lang: Locale) => documentFigures(lang))
export const currentActivityFigures = keptUntilContentChanges((lang: Locale) =>
  activityFigures(lang, new Date()),
)
