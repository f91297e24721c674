// npm run backup [-- <file>] — everything the blog holds (database and uploads) in one file.
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { once } from 'node:events'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { migrateToLatest } from '../db/migrate'
import { writeBackup } from '../lib/backup'

if (process.argv[2] === '--help' || process.argv[2] === '-h') {
  console.log(`Usage: npm run backup [-- <file>]

Writes every post, page, comment, person, setting and uploaded image of the blog named by
DATABASE_URL into one gzipped file (default: ./data/backups/plateau-<date and time>.jsonl.gz).
Restore it with npm run restore -- <file>, into SQLite or PostgreSQL alike.`)
  process.exit(0)
}

const file = process.argv[2] ?? path.join('data', 'backups', `plateau-${new Date().toISOString().slice(0, 16).replace(':', '')}.jsonl.gz`)
try {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await migrateToLatest(getDb())
  const gzip = createGzip()
  const out = gzip.pipe(createWriteStream(file))
  const { rows, files } = await writeBackup(async (line) => {
    if (!gzip.write(line)) await once(gzip, 'drain')
  })
  gzip.end()
  await once(out, 'finish')
  await closeDb()
  console.log(`Backed up ${rows} rows and ${files} files to ${file}.`)
} catch (error) {
  console.error(`The backup failed: ${explainDatabaseError(error, undefined)}`)
  await closeDb().catch(() => {})
  process.exit(1)
}
