import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.
//
// A refused comment sent without JavaScript is kept like every other refused form (keptForm), so
// the comments' own store goes. Drafts kept at the upgrade (a day's worth at most) become kept forms
// under the same id, so their text still comes back on the reply page (`?draft=` is still read).

export async function up(db: Kysely<any>): Promise<void> {
  const drafts = await db.selectFrom('commentDraft').select(['id', 'userId', 'body', 'message', 'createdAt']).execute()
  for (const draft of drafts) {
    const state = { status: 'error', message: draft.message, fieldErrors: {}, values: { body: draft.body }, attempt: 1 }
    await db
      .insertInto('keptForm')
      .values({ id: draft.id, userId: draft.userId, state: JSON.stringify(state), createdAt: draft.createdAt })
      .execute()
  }
  await db.schema.dropTable('commentDraft').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // Kept forms stay kept forms; the table comes back empty.
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('commentDraft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('User.id').onDelete('cascade'))
    .addColumn('postId', 'integer', (c) => c.notNull().references('post.id').onDelete('cascade'))
    .addColumn('parentId', 'integer')
    .addColumn('commentId', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('createdAt', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .execute()
}
