import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // A post pinned to the top of the home page (WordPress's sticky posts).
  await db.schema
    .alterTable('post')
    .addColumn('pinned', pg ? 'boolean' : 'integer', (c) => c.notNull().defaultTo(pg ? sql`false` : 0))
    .execute()
  // A page's parent page (WordPress's page hierarchy): the page shows where it sits.
  await db.schema
    .alterTable('post')
    .addColumn('parentId', 'integer', (c) => c.references('post.id').onDelete('set null'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('post').dropColumn('parentId').execute()
  await db.schema.alterTable('post').dropColumn('pinned').execute()
}
