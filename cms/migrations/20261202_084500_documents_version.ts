import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The documents version beside the content version (cms/content-version.ts): a table of the
// portal's own, outside Payload's schema, so written by hand (the snapshot is unchanged).

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`ALTER TABLE \`mulin_content_version\` ADD COLUMN \`documents\` integer NOT NULL DEFAULT 0;`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`mulin_content_version\` DROP COLUMN \`documents\`;`)
}
