import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // A refused form sent without JavaScript, kept for the page the browser is sent back to.
  await db.schema
    .createTable('keptForm')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Who sent it (null: nobody was signed in any more); only they may see it again.
    .addColumn('userId', 'text', (c) => c.references('User.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('keptForm_createdAt_index').on('keptForm').column('createdAt').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('keptForm').execute()
}
