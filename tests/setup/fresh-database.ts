/**
 * Runs before every integration test file (each in its own process), before it imports the CMS:
 * points the data folder at a new temporary directory, so each file starts from an empty SQLite
 * database of its own and never touches data/.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'mulin-test-'))
delete process.env.DATABASE_URL
delete process.env.PAYLOAD_SECRET
process.env.DEMO_PASSWORD = 'test-password-123'
