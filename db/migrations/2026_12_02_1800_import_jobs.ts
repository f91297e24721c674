import type { Kysely } from 'kysely'
import { PostgresAdapter } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // An import started from /admin: what it reads, how far it has got (every instance shows the
  // admin the same progress), and how it ended (its report is in the audit log).
  await db.schema
    .createTable('importJob')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actorId', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('fileName', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auditId', 'integer')
    .addColumn('startedAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addColumn('heartbeatAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('importJob').execute()
}
