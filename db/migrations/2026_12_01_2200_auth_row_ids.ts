import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

// The Auth.js Kysely adapter inserts Session and Account rows without an id. SQLite accepted the
// NULL in their text primary keys; PostgreSQL refused it, so nobody could sign in there. The app now
// gives both an id itself; this gives the columns a default as well and repairs rows stored without one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  for (const table of ['Session', 'Account']) {
    if (pg) {
      await sql`alter table ${sql.table(table)} alter column "id" set default gen_random_uuid()::text`.execute(db)
    } else {
      await sql`update ${sql.table(table)} set "id" = lower(hex(randomblob(16))) where "id" is null`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  if (!pg) return
  for (const table of ['Session', 'Account']) {
    await sql`alter table ${sql.table(table)} alter column "id" drop default`.execute(db)
  }
}
