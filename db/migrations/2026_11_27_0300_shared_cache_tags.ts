import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // Cache invalidations, in order, for every app instance to apply to its own page cache.
  await db.schema
    .createTable('cacheTagEvent')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    // null: expired at once (updateTag); otherwise stale now, expired after this many seconds.
    .addColumn('expireSeconds', 'integer')
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) =>
      c.notNull().defaultTo(pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    )
    .execute()
  await db.schema.createIndex('cacheTagEvent_createdAt_index').on('cacheTagEvent').column('createdAt').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cacheTagEvent').execute()
}
