// npm run db:migrate — apply pending database migrations (the server also does this when it starts).
import { readDatabaseConfig } from '../db/config'
import { explainDatabaseError } from '../db/errors'
import { closeDb, getDb } from '../db'
import { migrateToLatest } from '../db/migrate'
import { EVERYTHING_CHANGED } from '../lib/changes'
import { tagsToExpire } from '../lib/public/tags'
import { invalidateEverywhere } from '../lib/public/cache/shared-tags'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run db:migrate

Applies every pending migration to the database named by DATABASE_URL (unset: the SQLite file
./data/plateau.db, created if missing). Each migration runs in a transaction: one that fails is
rolled back and leaves the database as it was. The blog's server runs this itself at start-up.`)
  process.exit(0)
}

let config
try {
  config = readDatabaseConfig()
  const applied = await migrateToLatest(getDb())
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
      : 'The database is up to date.',
  )
  // A migration may change what pages show: running instances render them again.
  if (applied.length) await invalidateEverywhere(tagsToExpire(EVERYTHING_CHANGED))
  await closeDb()
} catch (error) {
  console.error(`Migration failed: ${explainDatabaseError(error, config)}`)
  await closeDb().catch(() => {})
  process.exit(1)
}
