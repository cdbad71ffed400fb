import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Two things Payload's schema does not describe, so written by hand (the snapshot is unchanged):
//
// 1. The content version (cms/content-version.ts): one row the CMS bumps inside every public
//    change and the site's page cache reads.
// 2. An index on `_parent_id` for every table of localised texts. Payload gives them only a
//    unique (`_locale`, `_parent_id`) index, which its look-up by parent cannot use, so reading the
//    texts of one event scanned the texts of all events. Then ANALYZE, so that SQLite picks the
//    start-date index over the status index for date ranges.

async function localeTables(db: MigrateUpArgs['db']): Promise<string[]> {
  const tables = (await db.all(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)) as Array<{ name: string }>
  return tables.map(({ name }) => name).filter((name) => name.endsWith('_locales'))
}
const indexName = (table: string) => `${table}_parent_lookup_idx`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`mulin_content_version\` (
    \`id\` integer PRIMARY KEY NOT NULL CHECK (\`id\` = 1),
    \`version\` integer NOT NULL DEFAULT 0
  );`)
  await db.run(sql`INSERT OR IGNORE INTO \`mulin_content_version\` (\`id\`, \`version\`) VALUES (1, 0);`)
  for (const name of await localeTables(db)) {
    await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS \`${indexName(name)}\` ON \`${name}\` (\`_parent_id\`);`))
  }
  await db.run(sql`ANALYZE;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const name of await localeTables(db)) await db.run(sql.raw(`DROP INDEX IF EXISTS \`${indexName(name)}\`;`))
  await db.run(sql`DROP TABLE IF EXISTS \`mulin_content_version\`;`)
}
