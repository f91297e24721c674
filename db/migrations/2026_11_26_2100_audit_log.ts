import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('auditLog')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('actorId', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) =>
      c.notNull().defaultTo(pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    )
    .execute()
  await db.schema.createIndex('auditLog_createdAt_index').on('auditLog').column('createdAt').execute()
  await db.schema.createIndex('auditLog_actorId_index').on('auditLog').column('actorId').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auditLog').execute()
}
