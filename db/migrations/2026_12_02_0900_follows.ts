import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // People who follow a post's conversation: a mail for each new approved comment on it.
  await db.schema
    .createTable('postFollow')
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('postFollow_pkey', ['userId', 'postId'])
    .execute()
  await db.schema.createIndex('postFollow_postId_index').on('postFollow').column('postId').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('postFollow').execute()
}
