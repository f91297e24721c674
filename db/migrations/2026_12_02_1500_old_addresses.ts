import type { Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Addresses an imported site used (each item's <link>, its permalink guid, attachment pages,
  // ?cat=, ?author=, /author/<login>): each names the post, page, tag or person that lives on here.
  await db.schema
    .createTable('oldAddress')
    // Normalised: decoded, NFC, lower case, no trailing slash, relative to the old site's root.
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('postId', 'integer', (c) => c.references('post.id').onDelete('cascade'))
    .addColumn('tagId', 'integer', (c) => c.references('tag.id').onDelete('cascade'))
    .addColumn('userId', 'text', (c) => c.references('User.id').onDelete('cascade'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oldAddress').execute()
}
