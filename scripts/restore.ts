// npm run restore -- <file> — bring a backup back into an empty installation.
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { BackupError, restoreBackup } from '../lib/operations/backup'
import { EVERYTHING_CHANGED } from '../lib/changes'
import { tagsToExpire } from '../lib/public/tags'
import { invalidateEverywhere } from '../lib/public/cache/shared-tags'

const file = process.argv[2]
if (!file || file === '--help' || file === '-h') {
  console.log(`Usage: npm run restore -- <backup.jsonl.gz>

Restores a backup made by npm run backup into the empty blog named by DATABASE_URL (SQLite or
PostgreSQL, whichever the backup came from), uploads included. All or nothing: a damaged backup
changes nothing in the database. Refuses a blog that already has content.`)
  process.exit(file ? 0 : 1)
}

try {
  const input = createReadStream(file)
  const { rows, files } = await restoreBackup(file.endsWith('.gz') ? input.pipe(createGunzip()) : input, {
    db: getDb(),
  })
  await invalidateEverywhere(tagsToExpire(EVERYTHING_CHANGED))
  await closeDb()
  console.log(`Restored ${rows} rows and ${files} files from ${file}.`)
} catch (error) {
  if (error instanceof BackupError) console.error(`Nothing was restored: ${error.message}`)
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    console.error(`Nothing was restored: there is no file ${file}.`)
  else if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR')
    console.error('Nothing was restored: the file is not a gzipped backup, or it is damaged.')
  else console.error(`Nothing was restored: ${explainDatabaseError(error, undefined)}`)
  await closeDb().catch(() => {})
  process.exit(1)
}
