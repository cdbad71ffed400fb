import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { CaseStudies } from './collections/CaseStudies'
import { Centres } from './collections/Centres'
import { Conventions } from './collections/Conventions'
import { Evaluations } from './collections/Evaluations'
import { Events } from './collections/Events'
import { Feedback } from './collections/Feedback'
import { FormAttempts } from './collections/FormAttempts'
import { Media } from './collections/Media'
import { Messages } from './collections/Messages'
import { Neighbourhoods } from './collections/Neighbourhoods'
import { ProjectClaims } from './collections/ProjectClaims'
import { Projects } from './collections/Projects'
import { Registrations } from './collections/Registrations'
import { SubDistricts } from './collections/SubDistricts'
import { Users } from './collections/Users'
import { Volunteers } from './collections/Volunteers'
import { VisitRequests } from './collections/VisitRequests'
import { globalWithContentVersion, withContentVersion } from './content-version'
import { databaseAdapter } from './database'
import { accessQuery } from './graphql-guard'
import { withPageSizeCap } from './hooks/page-size'
import { anonymiseTask } from './jobs/anonymise-personal-data'
import { MESSAGES_QUEUE, sendMessagesTask } from './jobs/send-messages'
import { emailAdapter } from './email'
import { healthEndpoints } from './health-endpoints'
import { withEventLogs } from './hooks/event-logs'
import { createLogger } from './logger'
import { Site } from './globals/Site'
import { limitsRule } from './rules/graphql-limits'
import { cmsUrl, isProduction, projectRoot, resolveSecret, s3Uploads, siteUrl } from './settings'
import { uploadStorage } from './upload-storage'
import { ADMIN_WORDING, collectionForStaff, globalForStaff } from './admin/staff-admin'
import { ADMIN_DATE_FORMAT } from './rules/shanghai-time'

// Payload checks at start-up (outside production) that all its @payloadcms/* packages share one
// version, and rejects unhandled when they do not. @payloadcms/storage-s3 lags payload by one patch
// on the registry we install from (3.90.1 beside 3.90.2; package.json's `overrides` make it use our
// payload), so the check would always fail. The mix is deliberate and fixed: every Payload package
// is pinned exactly and `npm ci` installs them from the lockfile. Remove this when storage-s3
// 3.90.2 is published (and drop the overrides).
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

export default buildConfig({
  secret: resolveSecret(),
  serverURL: cmsUrl,
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  // SMTP when SMTP_HOST is set; otherwise messages are printed to the server log (cms/email.ts).
  email: emailAdapter(),
  // JSON lines in production (cms/logger.ts); Payload's readable default in development.
  logger: isProduction ? createLogger() : undefined,
  // GET /api/health/live and /api/health/ready, for npm start, the proxy and monitoring.
  endpoints: healthEndpoints,
  // Each sign-up's outcome and each publish also get a log line (cms/hooks/event-logs.ts).
  // Every public change bumps the content version the site's page cache watches (cms/content-version.ts).
  // Every collection serves at most MAX_PAGE_SIZE documents a page to REST and GraphQL.
  collections: [
    Centres,
    Evaluations,
    Events,
    Registrations,
    Messages,
    Feedback,
    Conventions,
    Projects,
    Volunteers,
    ProjectClaims,
    CaseStudies,
    VisitRequests,
    SubDistricts,
    Neighbourhoods,
    Media,
    Users,
  ]
    .map((collection) => collectionForStaff(withEventLogs(withContentVersion(withPageSizeCap(collection)))))
    // Internal counts, never shown, and no content: outside the admin's and the render cache's wrappers.
    .concat(FormAttempts),
  globals: [Site].map(globalWithContentVersion).map(globalForStaff),
  // Uploads on S3 when S3_BUCKET is set, for several app servers (cms/upload-storage.ts).
  plugins: [uploadStorage(s3Uploads)],
  // Scheduled publishing and the nightly anonymisation run as jobs; only the CMS server runs the
  // queue, once a minute, and with several CMS servers only the one without CMS_JOBS=off.
  // Messages to residents have a queue of their own, run every 15 seconds (cms/jobs/send-messages.ts).
  jobs: {
    tasks: [anonymiseTask, sendMessagesTask],
    autoRun:
      process.env.MULIN_ROLE === 'cms' && process.env.CMS_JOBS !== 'off'
        ? [
            { cron: '* * * * *', queue: 'default', limit: 20 },
            { cron: '*/15 * * * * *', queue: MESSAGES_QUEUE, limit: 1 },
          ]
        : undefined,
  },
  admin: {
    user: Users.slug,
    // The default avatar would load Gravatar, a third-party request leaking staff emails' hashes.
    avatar: 'default',
    // One date format everywhere in the admin, 24-hour (lists, version history, created/updated).
    dateFormat: ADMIN_DATE_FORMAT,
    components: {
      graphics: { Logo: '/components/Brand#Logo', Icon: '/components/Brand#Icon' },
      views: {
        checkIn: { Component: '/components/CheckInView#CheckInView', path: '/check-in' },
      },
      afterNavLinks: ['/components/CheckInNavLink#CheckInNavLink'],
      // On login: today's events, what is full, what waits for an answer (cms/admin/staff-day.ts).
      beforeDashboard: ['/components/StaffDashboard#StaffDashboard'],
    },
    meta: { titleSuffix: ' · 睦邻 Mulin' },
    importMap: {
      baseDir: path.join(projectRoot, 'cms'),
      importMapFile: path.join(projectRoot, 'cms', 'app', '(payload)', 'admin', 'importMap.js'),
    },
  },
  // The admin speaks Chinese first; staff can switch to English in their account.
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh', translations: ADMIN_WORDING },
  // Content is written in Chinese; English is kept for what visiting delegations read.
  localization: {
    locales: [
      { code: 'zh', label: '中文' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'zh',
    fallback: true,
  },
  cors: [siteUrl],
  csrf: [siteUrl, cmsUrl],
  // Bound what one anonymous request can make the server do.
  defaultDepth: 1,
  maxDepth: 4,
  // GraphQL: the route refuses fragment cycles and deep nesting before Payload sees a query
  // (cms/graphql-guard.ts); this rule adds the cost of nested lists (cms/rules/graphql-limits.ts).
  graphQL: {
    maxComplexity: 500,
    disablePlaygroundInProduction: true,
    validationRules: (args) => [limitsRule((args.variableValues ?? {}) as Record<string, unknown>)],
    // Anonymous `{ Access { canAccessAdmin } }` says false instead of failing.
    queries: accessQuery,
  },
  typescript: { outputFile: path.join(projectRoot, 'cms', 'payload-types.ts') },
  telemetry: false,
})
