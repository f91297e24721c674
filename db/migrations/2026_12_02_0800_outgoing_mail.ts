import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = pg ? 'timestamptz' : 'text'
  // Every notification the blog sends, written with the event that causes it; each instance's
  // sender claims due rows, sends them and marks them sent (or retries later).
  await db.schema
    .createTable('outgoingMail')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('userId', 'text', (c) => c.references('User.id').onDelete('cascade'))
    .addColumn('toAddress', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // One mail per reason and person: a second attempt to write it adds nothing.
    .addColumn('dedupeKey', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('textBody', 'text', (c) => c.notNull())
    .addColumn('htmlBody', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nextAttemptAt', timestamp, (c) => c.notNull())
    .addColumn('claimedBy', 'text')
    .addColumn('claimedAt', timestamp)
    .addColumn('lastError', 'text')
    .addColumn('sentAt', timestamp)
    .addColumn('createdAt', timestamp, (c) =>
      c.notNull().defaultTo(pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    )
    .execute()
  await db.schema
    .createIndex('outgoingMail_due_index')
    .on('outgoingMail')
    .columns(['status', 'nextAttemptAt'])
    .execute()
  // What each person wants to hear about: 'each' mail or 'off'.
  await db.schema
    .alterTable('User')
    .addColumn('notifyReplies', 'text', (c) => c.notNull().defaultTo('each'))
    .execute()
  await db.schema
    .alterTable('User')
    .addColumn('notifyHeld', 'text', (c) => c.notNull().defaultTo('each'))
    .execute()
  // Set when the mail server said the address does not exist: nothing more is sent to it.
  await db.schema.alterTable('User').addColumn('emailBouncedAt', timestamp).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('User').dropColumn('emailBouncedAt').execute()
  await db.schema.alterTable('User').dropColumn('notifyHeld').execute()
  await db.schema.alterTable('User').dropColumn('notifyReplies').execute()
  await db.schema.dropTable('outgoingMail').execute()
}
