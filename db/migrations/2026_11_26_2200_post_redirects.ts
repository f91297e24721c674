import type { Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Old slugs of published posts whose slug changed: their URLs answer with a 301 to the new one.
  await db.schema
    .createTable('postRedirect')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('postRedirect_postId_index').on('postRedirect').column('postId').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('postRedirect').execute()
}
