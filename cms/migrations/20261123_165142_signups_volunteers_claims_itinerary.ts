import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`volunteers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`project_id\` integer NOT NULL,
  	\`code\` text,
  	\`role_id\` text NOT NULL,
  	\`role_name\` text,
  	\`name\` text NOT NULL,
  	\`phone\` text,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`consent\` integer,
  	\`centre_id\` integer,
  	\`anonymised_at\` text,
  	\`active_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`project_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`centre_id\`) REFERENCES \`centres\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`volunteers_project_idx\` ON \`volunteers\` (\`project_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`volunteers_code_idx\` ON \`volunteers\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`volunteers_centre_idx\` ON \`volunteers\` (\`centre_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`volunteers_active_key_idx\` ON \`volunteers\` (\`active_key\`);`)
  await db.run(sql`CREATE INDEX \`volunteers_updated_at_idx\` ON \`volunteers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`volunteers_created_at_idx\` ON \`volunteers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`project_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`project_id\` integer NOT NULL,
  	\`organisation\` text NOT NULL,
  	\`contact_name\` text NOT NULL,
  	\`phone\` text,
  	\`offer\` text NOT NULL,
  	\`status\` text DEFAULT 'offered' NOT NULL,
  	\`centre_id\` integer,
  	\`anonymised_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`project_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`centre_id\`) REFERENCES \`centres\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`project_claims_project_idx\` ON \`project_claims\` (\`project_id\`);`)
  await db.run(sql`CREATE INDEX \`project_claims_centre_idx\` ON \`project_claims\` (\`centre_id\`);`)
  await db.run(sql`CREATE INDEX \`project_claims_updated_at_idx\` ON \`project_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`project_claims_created_at_idx\` ON \`project_claims\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`visit_requests_itinerary\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`centre_id\` integer NOT NULL,
  	\`start\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`centre_id\`) REFERENCES \`centres\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`visit_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`visit_requests_itinerary_order_idx\` ON \`visit_requests_itinerary\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`visit_requests_itinerary_parent_id_idx\` ON \`visit_requests_itinerary\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_requests_itinerary_centre_idx\` ON \`visit_requests_itinerary\` (\`centre_id\`);`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`checked_in_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`anonymised_at\` text;`)
  await db.run(sql`ALTER TABLE \`registrations\` ADD \`active_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`registrations_active_key_idx\` ON \`registrations\` (\`active_key\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`volunteers_id\` integer REFERENCES volunteers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`project_claims_id\` integer REFERENCES project_claims(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_volunteers_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_project_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`project_claims_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`volunteers\`;`)
  await db.run(sql`DROP TABLE \`project_claims\`;`)
  await db.run(sql`DROP TABLE \`visit_requests_itinerary\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`centres_id\` integer,
  	\`evaluations_id\` integer,
  	\`events_id\` integer,
  	\`registrations_id\` integer,
  	\`conventions_id\` integer,
  	\`projects_id\` integer,
  	\`case_studies_id\` integer,
  	\`visit_requests_id\` integer,
  	\`sub_districts_id\` integer,
  	\`neighbourhoods_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`centres_id\`) REFERENCES \`centres\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluations_id\`) REFERENCES \`evaluations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conventions_id\`) REFERENCES \`conventions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`visit_requests_id\`) REFERENCES \`visit_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sub_districts_id\`) REFERENCES \`sub_districts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`neighbourhoods_id\`) REFERENCES \`neighbourhoods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "centres_id", "evaluations_id", "events_id", "registrations_id", "conventions_id", "projects_id", "case_studies_id", "visit_requests_id", "sub_districts_id", "neighbourhoods_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "centres_id", "evaluations_id", "events_id", "registrations_id", "conventions_id", "projects_id", "case_studies_id", "visit_requests_id", "sub_districts_id", "neighbourhoods_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_centres_id_idx\` ON \`payload_locked_documents_rels\` (\`centres_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluations_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conventions_id_idx\` ON \`payload_locked_documents_rels\` (\`conventions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_studies_id_idx\` ON \`payload_locked_documents_rels\` (\`case_studies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_visit_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`visit_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sub_districts_id_idx\` ON \`payload_locked_documents_rels\` (\`sub_districts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_neighbourhoods_id_idx\` ON \`payload_locked_documents_rels\` (\`neighbourhoods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`registrations_active_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`checked_in_at\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`anonymised_at\`;`)
  await db.run(sql`ALTER TABLE \`registrations\` DROP COLUMN \`active_key\`;`)
}
