import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = pg ? 'timestamptz' : 'text'
  const now = pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

  // A copy of a published post's title, excerpt and body at each save, to compare and restore.
  await db.schema
    .createTable('postRevision')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('savedById', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('createdAt', timestamp, (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('postRevision_postId_index').on('postRevision').columns(['postId', 'id']).execute()

  // Uploaded images: one row per original, its resized copies listed in `variants` (JSON).
  await db.schema
    .createTable('upload')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('originalName', 'text', (c) => c.notNull())
    .addColumn('contentType', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('uploadedById', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('createdAt', timestamp, (c) => c.notNull().defaultTo(now))
    .execute()

  // The bytes of every stored file, when uploads are kept in the database (UPLOAD_STORAGE=database).
  await db.schema
    .createTable('storedFile')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('contentType', 'text', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('storedFile').execute()
  await db.schema.dropTable('upload').execute()
  await db.schema.dropTable('postRevision').execute()
}
