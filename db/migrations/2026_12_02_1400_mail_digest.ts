import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // How a person's notifications reach them: 'each' as its own mail, or 'daily' in one digest.
  await db.schema
    .alterTable('User')
    .addColumn('mailDelivery', 'text', (c) => c.notNull().defaultTo('each'))
    .execute()
  // What waits for a person's next digest: one row per notification, gathered into one mail a day.
  await db.schema
    .createTable('digestItem')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('commentId', 'integer', (c) => c.notNull().references('comment.id').onDelete('cascade'))
    // Why a held comment waits ("first comment", "links"): moderators' items only.
    .addColumn('reason', 'text')
    // The same key the mail would have had: one item per reason and person.
    .addColumn('dedupeKey', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('digestItem_userId_index').on('digestItem').columns(['userId', 'createdAt']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digestItem').execute()
  await db.schema.alterTable('User').dropColumn('mailDelivery').execute()
}
