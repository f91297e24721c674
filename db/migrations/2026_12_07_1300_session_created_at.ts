import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.
//
// When each session began, so a session ends a fixed time after sign-in however often it is used
// (Auth.js slides its expiry forward on use). Sessions open now count as beginning now.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .alterTable('Session')
    .addColumn('createdAt', pg ? 'timestamptz' : 'text')
    .execute()
  await db
    .updateTable('Session')
    .set({ createdAt: pg ? new Date() : new Date().toISOString() })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('Session').dropColumn('createdAt').execute()
}
