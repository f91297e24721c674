import type { Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Pages (About, Contact…): no date, not in listings or feeds, served at /pages/<slug>.
  await db.schema
    .alterTable('post')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('post'))
    .execute()
  // Where an imported post came from: "<site URL>#<WordPress post id>" (re-imports skip it), and the
  // id and slug its old WordPress addresses used, so those redirect here.
  await db.schema.alterTable('post').addColumn('legacyKey', 'text').execute()
  await db.schema.alterTable('post').addColumn('legacyId', 'integer').execute()
  await db.schema.alterTable('post').addColumn('legacySlug', 'text').execute()
  await db.schema.createIndex('post_legacyKey_unique').on('post').column('legacyKey').unique().execute()
  await db.schema.createIndex('post_legacyId_index').on('post').column('legacyId').execute()
  await db.schema.createIndex('post_legacySlug_index').on('post').column('legacySlug').execute()
  // The same for comments: old #comment-<id> anchors land on them.
  await db.schema.alterTable('comment').addColumn('legacyKey', 'text').execute()
  await db.schema.alterTable('comment').addColumn('legacyId', 'integer').execute()
  await db.schema.createIndex('comment_legacyKey_unique').on('comment').column('legacyKey').unique().execute()
  await db.schema.createIndex('comment_postId_legacyId_index').on('comment').columns(['postId', 'legacyId']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'comment_postId_legacyId_index',
    'comment_legacyKey_unique',
    'post_legacySlug_index',
    'post_legacyId_index',
    'post_legacyKey_unique',
  ])
    await db.schema.dropIndex(index).execute()
  for (const column of ['legacyId', 'legacyKey']) await db.schema.alterTable('comment').dropColumn(column).execute()
  for (const column of ['legacySlug', 'legacyId', 'legacyKey', 'kind'])
    await db.schema.alterTable('post').dropColumn(column).execute()
}
