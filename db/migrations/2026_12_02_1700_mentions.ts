import type { Kysely } from 'kysely'
import { PostgresAdapter } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // Other pages that link to a post (WordPress's pingbacks and trackbacks; later webmentions):
  // shown under its comments, counted apart, moderated like comments.
  await db.schema
    .createTable('mention')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sourceUrl', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    // Imported mentions: "<WordPress site URL>#comment-<id>"; a re-import skips them.
    .addColumn('legacyKey', 'text', (c) => c.unique())
    .execute()
  await db.schema.createIndex('mention_postId_status_index').on('mention').columns(['postId', 'status']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mention').execute()
}
