import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = pg ? 'timestamptz' : 'text'
  const now = pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
  const bool = pg ? 'boolean' : 'integer'
  const serialId = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) =>
        pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      )

  await db.schema
    .createTable('User')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('emailVerified', timestamp)
    .addColumn('image', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('commenter'))
    .addColumn('createdAt', timestamp, (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('Account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('providerAccountId', 'text', (c) => c.notNull())
    .addColumn('refresh_token', 'text')
    .addColumn('access_token', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('token_type', 'text')
    .addColumn('scope', 'text')
    .addColumn('id_token', 'text')
    .addColumn('session_state', 'text')
    .addUniqueConstraint('Account_provider_account_unique', ['provider', 'providerAccountId'])
    .execute()
  await db.schema.createIndex('Account_userId_index').on('Account').column('userId').execute()

  await db.schema
    .createTable('Session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('sessionToken', 'text', (c) => c.notNull().unique())
    .addColumn('expires', timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('Session_userId_index').on('Session').column('userId').execute()

  await db.schema
    .createTable('VerificationToken')
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires', timestamp, (c) => c.notNull())
    .execute()

  await serialId('post')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('publishedAt', timestamp)
    .addColumn('authorId', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('featuredImageUrl', 'text')
    .addColumn('featuredImageAlt', 'text')
    .addColumn('featuredImageCaption', 'text')
    .addColumn('featuredImageCredit', 'text')
    .addColumn('featuredImageCreditUrl', 'text')
    .addColumn('commentsOpen', bool, (c) => c.notNull().defaultTo(pg ? sql`true` : 1))
    .addColumn('createdAt', timestamp, (c) => c.notNull().defaultTo(now))
    .addColumn('updatedAt', timestamp, (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('post_status_publishedAt_index').on('post').columns(['status', 'publishedAt']).execute()
  await db.schema.createIndex('post_authorId_index').on('post').column('authorId').execute()

  await serialId('tag')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('postTag')
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('tagId', 'integer', (c) => c.notNull().references('tag.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('postTag_pk', ['postId', 'tagId'])
    .execute()
  await db.schema.createIndex('postTag_tagId_index').on('postTag').column('tagId').execute()

  await serialId('comment')
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('parentId', 'integer', (c) => c.references('comment.id').onDelete('set null'))
    .addColumn('authorId', 'text', (c) => c.references('User.id').onDelete('set null'))
    .addColumn('authorName', 'text')
    .addColumn('authorEmail', 'text')
    .addColumn('authorUrl', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('createdAt', timestamp, (c) => c.notNull().defaultTo(now))
    .addColumn('editedAt', timestamp)
    .execute()
  await db.schema
    .createIndex('comment_postId_status_createdAt_index')
    .on('comment')
    .columns(['postId', 'status', 'createdAt'])
    .execute()
  await db.schema.createIndex('comment_parentId_index').on('comment').column('parentId').execute()
  await db.schema.createIndex('comment_authorId_index').on('comment').column('authorId').execute()
  await db.schema.createIndex('comment_status_createdAt_index').on('comment').columns(['status', 'createdAt']).execute()

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'setting',
    'comment',
    'postTag',
    'tag',
    'post',
    'VerificationToken',
    'Session',
    'Account',
    'User',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
