import type { Kysely } from 'kysely'
import { migrateToLatest } from './migrate'
import { seedDemoContent } from './seed/demo'
import type { Database } from './types'

/** What start-up does to the database: apply pending migrations, then seed the demo into a new blog. */
export async function prepareDatabase(db: Kysely<Database>): Promise<{ migrated: string[]; seeded: boolean }> {
  const migrated = await migrateToLatest(db)
  const seeded = await seedDemoContent(db)
  return { migrated, seeded }
}
