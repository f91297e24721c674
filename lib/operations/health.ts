import { sql } from 'kysely'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { pendingMigrations } from '@/db/migrate'
import { isStopping } from '@/lib/operations/shutdown'

export type Readiness = { ready: true } | { ready: false; reason: string }

/**
 * Whether this instance can serve readers: the database answers and has every migration this build
 * knows. For load balancers (GET /api/ready); anyone may call it. Never throws.
 */
export async function checkReadiness(db: DB = getDb()): Promise<Readiness> {
  if (isStopping()) return { ready: false, reason: 'This instance is stopping.' }
  try {
    await sql`select 1`.execute(db)
  } catch {
    return { ready: false, reason: 'The database does not answer.' }
  }
  try {
    const pending = await pendingMigrations(db)
    return pending.length === 0
      ? { ready: true }
      : { ready: false, reason: `${pending.length} migration(s) not applied yet.` }
  } catch {
    return { ready: false, reason: 'The database’s migrations could not be read.' }
  }
}
