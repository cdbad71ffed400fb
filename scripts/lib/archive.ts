/**
 * What a backup archive holds, shared by `npm run backup` and `npm run restore`:
 *
 *   manifest.json        when, which database kind, the migrations applied, the secret's presence
 *   sqlite/mulin.db      the embedded database (a consistent copy taken with VACUUM INTO), or
 *   mongodb/<name>.jsonl every collection, one Extended JSON document per line
 *   uploads/             uploaded images and files
 *
 * The secret itself is never archived: a backup is often kept where logins must not be forged.
 */
import { spawnSync } from 'node:child_process'

export type Manifest = {
  format: 1
  createdAt: string
  database: 'sqlite' | 'mongodb'
  migrations: string[]
  collections?: Record<string, number>
  /** Where the secret came from when the backup was made; restoring needs the same one for existing logins. */
  secret:
    'PAYLOAD_SECRET set in the environment' | 'generated file .payload-secret (not archived)' | 'none found'
}

export function tar(args: string[]): void {
  const result = spawnSync('tar', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`tar ${args[0]} failed: ${result.stderr || result.error?.message}`)
}

/** mulin-backup-2026-12-01T2300Z.tar.gz: sorts by time, and says in which time zone. */
export function archiveName(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, 'Z')
    .replace(/:/g, '')
  return `mulin-backup-${stamp}.tar.gz`
}
