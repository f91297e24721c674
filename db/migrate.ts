import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { migrations } from './migrations'
import type { Database } from './types'

export class MigrationError extends Error {
  override name = 'MigrationError'
}

/**
 * On PostgreSQL the bookkeeping tables live in the connection's current schema, named explicitly:
 * otherwise Kysely takes a kysely_migration table in any other schema of the database for its own.
 */
async function migrator(db: Kysely<Database>, list: Record<string, Migration> = migrations): Promise<Migrator> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const schema = pg
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined
  return new Migrator({ db, provider: { getMigrations: async () => list }, migrationTableSchema: schema })
}

/**
 * Applies every pending migration, each in its own transaction, so a failing one leaves the database
 * as the previous one left it. Returns the names applied. Throws MigrationError naming the failure.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  list: Record<string, Migration> = migrations,
): Promise<string[]> {
  const { error, results = [] } = await (await migrator(db, list)).migrateToLatest()
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName
    const reason = error instanceof Error ? error.message : String(error)
    throw new MigrationError(
      failed ? `Migration ${failed} failed and was rolled back: ${reason}` : `Migrations could not run: ${reason}`,
      { cause: error },
    )
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Undoes the most recent migration (for development and tests). */
export async function migrateDown(db: Kysely<Database>): Promise<void> {
  const { error } = await (await migrator(db)).migrateDown()
  if (error) throw error
}

/** The migrations this build has that the database has not applied yet. */
export async function pendingMigrations(
  db: Kysely<Database>,
  list: Record<string, Migration> = migrations,
): Promise<string[]> {
  const known = await (await migrator(db, list)).getMigrations()
  return known.filter((m) => !m.executedAt).map((m) => m.name)
}
