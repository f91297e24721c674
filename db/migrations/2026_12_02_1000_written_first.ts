import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // A comment written before signing in, kept until its writer confirms their email (at most 7 days).
  await db.schema
    .createTable('unconfirmedComment')
    // The SHA-256 of the secret in the confirmation link: the link itself is never stored.
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('parentId', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('followConversation', pg ? 'boolean' : 'integer', (c) => c.notNull().defaultTo(pg ? false : 0))
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('unconfirmedComment_createdAt_index')
    .on('unconfirmedComment')
    .column('createdAt')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unconfirmedComment').execute()
}
