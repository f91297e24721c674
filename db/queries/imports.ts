import type { Kysely } from 'kysely'
import { getDb } from '..'
import type { Database, PostStatus } from '../types'

// What the WordPress importer and the old-address redirects look up.

export async function findPostIdByLegacyKey(legacyKey: string, db: Kysely<Database> = getDb()): Promise<number | undefined> {
  return (await db.selectFrom('post').select('id').where('legacyKey', '=', legacyKey).executeTakeFirst())?.id
}

export async function findCommentIdByLegacyKey(legacyKey: string, db: Kysely<Database> = getDb()): Promise<number | undefined> {
  return (await db.selectFrom('comment').select('id').where('legacyKey', '=', legacyKey).executeTakeFirst())?.id
}

export async function setCommentParent(id: number, parentId: number, db: Kysely<Database> = getDb()): Promise<void> {
  await db.updateTable('comment').set({ parentId }).where('id', '=', id).execute()
}

export async function setFeaturedImage(postId: number, url: string, db: Kysely<Database> = getDb()): Promise<void> {
  await db.updateTable('post').set({ featuredImageUrl: url }).where('id', '=', postId).execute()
}

export async function findPostBody(postId: number, db: Kysely<Database> = getDb()): Promise<string> {
  return (await db.selectFrom('post').select('body').where('id', '=', postId).executeTakeFirstOrThrow()).body
}

export async function setPostBody(postId: number, body: string, db: Kysely<Database> = getDb()): Promise<void> {
  await db.updateTable('post').set({ body }).where('id', '=', postId).execute()
}

/** A public imported post or page by its WordPress id (/?p=ID, /?page_id=ID) or old slug. */
export async function findLegacyPost(
  by: { id: number } | { slug: string },
  db: Kysely<Database> = getDb(),
): Promise<{ slug: string; kind: string; status: PostStatus; publishedAt: Date | null } | undefined> {
  let query = db.selectFrom('post').select(['slug', 'kind', 'status', 'publishedAt'])
  query = 'id' in by ? query.where('legacyId', '=', by.id) : query.where('legacySlug', '=', by.slug)
  return query.orderBy('id').executeTakeFirst()
}

/** The comment that an old WordPress #comment-ID anchor on this post meant. */
export async function findCommentByLegacyId(postId: number, legacyId: number, db: Kysely<Database> = getDb()): Promise<number | undefined> {
  return (await db.selectFrom('comment').select('id').where('postId', '=', postId).where('legacyId', '=', legacyId).executeTakeFirst())?.id
}
