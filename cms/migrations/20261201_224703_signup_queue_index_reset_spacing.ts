import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Adds the (event, status) index that queue positions count along, and drops the column Payload
// kept for spacing reset emails, which it no longer uses (the spacing is now kept in memory by the
// Users collection; that column's writes were what made every password reset fail on SQLite).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`event_status_idx\` ON \`registrations\` (\`event_id\`,\`status\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`reset_password_requested_at\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`event_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`reset_password_requested_at\` text;`)
}
