import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = pg ? 'timestamptz' : 'text'

  await db.schema.alterTable('User').addColumn('bannedAt', timestamp).execute()
  // A deleted account keeps its row as a tombstone (no name, no email) so its comments can say so.
  await db.schema.alterTable('User').addColumn('deletedAt', timestamp).execute()

  // A comment deleted by its author; kept as "[deleted]" while it has replies.
  await db.schema.alterTable('comment').addColumn('deletedAt', timestamp).execute()
  await db.schema
    .createIndex('comment_authorId_postId_createdAt_index')
    .on('comment')
    .columns(['authorId', 'postId', 'createdAt'])
    .execute()

  // Fixed-window counters shared by every app instance (comments and sign-in emails, per user and IP).
  await db.schema
    .createTable('rateLimit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('windowStartedAt', timestamp, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()

  // What a person typed into a comment form that was refused after a plain (no-JavaScript) POST,
  // kept so the form can show it again after the redirect.
  await db.schema
    .createTable('commentDraft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('parentId', 'integer')
    .addColumn('commentId', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('createdAt', timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('commentDraft_userId_index').on('commentDraft').column('userId').execute()
  await db.schema.createIndex('commentDraft_postId_index').on('commentDraft').column('postId').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('commentDraft').execute()
  await db.schema.dropTable('rateLimit').execute()
  await db.schema.dropIndex('comment_authorId_postId_createdAt_index').execute()
  await db.schema.alterTable('comment').dropColumn('deletedAt').execute()
  await db.schema.alterTable('User').dropColumn('deletedAt').execute()
  await db.schema.alterTable('User').dropColumn('bannedAt').execute()
}
