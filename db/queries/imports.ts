import type { Kysely } from 'kysely'
import type { Database, PostStatus } from '../types'

// What the WordPress importer and the old-address redirects look up.

export async function findPostIdByLegacyKey(db: Kysely<Database>, legacyKey: string): Promise<number | undefined> {
  return (await db.selectFrom('post').select('id').where('legacyKey', '=', legacyKey).executeTakeFirst())?.id
}

export async function findCommentIdByLegacyKey(db: Kysely<Database>, legacyKey: string): Promise<number | undefined> {
  return (await db.selectFrom('comment').select('id').where('legacyKey', '=', legacyKey).executeTakeFirst())?.id
}

export async function setCommentParent(db: Kysely<Database>, id: number, parentId: number): Promise<void> {
  await db.updateTable('comment').set({ parentId }).where('id', '=', id).execute()
}

export async function setFeaturedImage(db: Kysely<Database>, postId: number, url: string): Promise<void> {
  await db.updateTable('post').set({ featuredImageUrl: url }).where('id', '=', postId).execute()
}

export async function findPostBody(db: Kysely<Database>, postId: number): Promise<string> {
  return (await db.selectFrom('post').select('body').where('id', '=', postId).executeTakeFirstOrThrow()).body
}

export async function setPostBody(db: Kysely<Database>, postId: number, body: string, html: string): Promise<void> {
  await db.updateTable('post').set({ body, html }).where('id', '=', postId).execute()
}

/** A public imported post or page by its WordPress id (/?p=ID, /?page_id=ID) or old slug. */
export async function findLegacyPost(
  db: Kysely<Database>,
  by: { id: number } | { slug: string },
): Promise<{ slug: string; kind: string; status: PostStatus; publishedAt: Date | null } | undefined> {
  let query = db.selectFrom('post').select(['slug', 'kind', 'status', 'publishedAt'])
  query = 'id' in by ? query.where('legacyId', '=', by.id) : query.where('legacySlug', '=', by.slug)
  return query.orderBy('id').executeTakeFirst()
}

export async function findPostIdBySlug(db: Kysely<Database>, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('post').select('id').where('slug', '=', slug).executeTakeFirst())?.id
}

/** A post or page by its slug here, of either kind (its status says whether it is public). */
export async function findPostBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<{ slug: string; kind: string; status: PostStatus; publishedAt: Date | null } | undefined> {
  return db
    .selectFrom('post')
    .select(['slug', 'kind', 'status', 'publishedAt'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** The comment that an old WordPress #comment-ID anchor on this post meant. */
export async function findCommentByLegacyId(
  db: Kysely<Database>,
  postId: number,
  legacyId: number,
): Promise<number | undefined> {
  return (
    await db
      .selectFrom('comment')
      .select('id')
      .where('postId', '=', postId)
      .where('legacyId', '=', legacyId)
      .executeTakeFirst()
  )?.id
}

/** Keeps an imported site's address for what lives on here; one already kept for another thing stays as it was (false). */
export async function insertOldAddress(
  db: Kysely<Database>,
  row: { path: string; postId?: number; tagId?: number; userId?: string },
): Promise<boolean> {
  const result = await db
    .insertInto('oldAddress')
    .values({ path: row.path, postId: row.postId ?? null, tagId: row.tagId ?? null, userId: row.userId ?? null })
    .onConflict((oc) => oc.column('path').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** What an old address names: a post or page (with what decides whether it is public), a tag or a person, by their slugs. */
export async function findOldAddress(db: Kysely<Database>, path: string) {
  return db
    .selectFrom('oldAddress')
    .leftJoin('post', 'post.id', 'oldAddress.postId')
    .leftJoin('tag', 'tag.id', 'oldAddress.tagId')
    .leftJoin('User', 'User.id', 'oldAddress.userId')
    .select([
      'post.slug as postSlug',
      'post.kind',
      'post.status',
      'post.publishedAt',
      'tag.slug as tagSlug',
      'User.slug as userSlug',
      'User.deletedAt',
    ])
    .where('oldAddress.path', '=', path)
    .executeTakeFirst()
}

/** Puts a page under its parent page. */
export async function setParentPage(db: Kysely<Database>, pageId: number, parentId: number): Promise<void> {
  await db.updateTable('post').set({ parentId }).where('id', '=', pageId).execute()
}
