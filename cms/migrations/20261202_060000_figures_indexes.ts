import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Indexes Payload's schema does not describe, so written by hand (the snapshot is unchanged): the
// figures page counts a year of activity per month (cms/seats/attendance.ts) from the indexes
// alone, without visiting 5,000 event rows and 70,000 sign-up rows.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`events_held_by_start_idx\`
    ON \`events\` (\`start\`, \`_status\`, \`status\`, \`seats_taken\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`registrations_people_by_event_idx\`
    ON \`registrations\` (\`event_id\`, \`status\`, \`party_size\`);`)
  await db.run(sql`ANALYZE;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`registrations_people_by_event_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`events_held_by_start_idx\`;`)
}
