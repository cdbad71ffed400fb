/** What the collections' schema has that the committed migrations do not: none when they agree. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { migrationsDir } from '../../cms/settings'

export async function pendingSchemaChanges(payload: Payload): Promise<string[]> {
  const { generateDrizzleJson, generateMigration } = payload.db.requireDrizzleKit()
  const latest = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)
  if (!latest) throw new Error('no migration snapshot in cms/migrations')
  const committed = JSON.parse(readFileSync(path.join(migrationsDir, latest), 'utf8'))
  const current = await generateDrizzleJson(payload.db.schema)
  return generateMigration(committed, current)
}
