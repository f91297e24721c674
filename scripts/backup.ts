// npm run backup [-- <file>] — everything the blog holds (database and uploads) in one file.
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { once } from 'node:events'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { migrateToLatest } from '../db/migrate'
import { writeBackup } from '../lib/operations/backup'

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm run backup [-- [--include-secrets] <file>]

Writes every post, page, comment, person, setting and uploaded image of the blog named by
DATABASE_URL into one gzipped file (default: ./data/backups/plateau-<date and time>.jsonl.gz).
Restore it with npm run restore -- <file>, into SQLite or PostgreSQL alike.

Secrets are left out: the blog's own AUTH_SECRET and the sign-in tokens of GitHub, Google or
OpenID Connect accounts. After a restore the blog makes a new secret and everyone signs in again.
--include-secrets keeps them (then keep the file as safe as the server itself).`)
  process.exit(0)
}
const includeSecrets = args.includes('--include-secrets')

const file =
  args.find((a) => !a.startsWith('--')) ??
  path.join('data', 'backups', `plateau-${new Date().toISOString().slice(0, 16).replace(':', '')}.jsonl.gz`)
try {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await migrateToLatest(getDb())
  const gzip = createGzip()
  const out = gzip.pipe(createWriteStream(file))
  const { rows, files } = await writeBackup(
    async (line) => {
      if (!gzip.write(line)) await once(gzip, 'drain')
    },
    { includeSecrets },
  )
  gzip.end()
  await once(out, 'finish')
  await closeDb()
  console.log(
    `Backed up ${rows} rows and ${files} files to ${file}${includeSecrets ? ', secrets included' : ' (secrets left out; --include-secrets keeps them)'}.`,
  )
} catch (error) {
  console.error(`The backup failed: ${explainDatabaseError(error, undefined)}`)
  await closeDb().catch(() => {})
  process.exit(1)
}
