import { PostgresAdapter, type Kysely } from 'kysely'
import { readDatabaseConfig, type DatabaseConfig } from './config'
import { connect } from './connect'
import type { Database } from './types'

export type { Database } from './types'
export type DB = Kysely<Database>

// Kept on globalThis because Next bundles server code into several chunks, each with its own module
// scope; one process must still hold exactly one SQLite handle or PostgreSQL pool.
const holder = globalThis as typeof globalThis & {
  __plateauDb?: { db: Kysely<Database>; config: DatabaseConfig }
}

/** The one database of this process, opened on first use from DATABASE_URL. */
export function getDb(): Kysely<Database> {
  if (!holder.__plateauDb) {
    const config = readDatabaseConfig()
    holder.__plateauDb = { db: connect(config), config }
  }
  return holder.__plateauDb.db
}

/** Closes the process's database, if open (CLIs call this before exiting). */
export async function closeDb(): Promise<void> {
  const current = holder.__plateauDb
  holder.__plateauDb = undefined
  await current?.db.destroy()
}

/** Runs `work` in a transaction: `db`'s own when it already is one (a caller composing writes), else a new one. */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** Whether others can write while a long transaction on `db` runs (PostgreSQL); SQLite has one writer at a time. */
export function allowsConcurrentWriters(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
