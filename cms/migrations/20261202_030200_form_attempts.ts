import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The form rate limit's counts, one row per client address and form (cms/rate-limit/form-limiter.ts),
// so that every process on the database shares one count. Additive: a new table only.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`form_attempts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`attempt_key\` text NOT NULL,
  	\`window_start\` numeric NOT NULL,
  	\`attempts\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`form_attempts_attempt_key_idx\` ON \`form_attempts\` (\`attempt_key\`);`)
  await db.run(sql`CREATE INDEX \`form_attempts_window_start_idx\` ON \`form_attempts\` (\`window_start\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`form_attempts\`;`)
}
