import { sql, type Kysely } from 'kysely'
import type { Database, PostKind } from '../types'
import { isLive, isPublic, isThreadedComment } from './visibility'

// What the public addresses name, read whole for the index of known addresses
// (lib/public/known-addresses.ts): a few queries, whatever the number of addresses asked for.

/** Every public post and page: its slug, kind, date and its author's page slug. */
export async function listPublicPostAddresses(
  db: Kysely<Database>,
  now: Date,
): Promise<{ slug: string; kind: PostKind; publishedAt: Date | null; authorSlug: string | null }[]> {
  return db
    .selectFrom('post')
    .leftJoin('User', (join) => join.onRef('User.id', '=', 'post.authorId').on('User.deletedAt', 'is', null))
    .select(['post.slug', 'post.kind', 'post.publishedAt', 'User.slug as authorSlug'])
    .where((eb) => isPublic(eb, now))
    .execute()
}

/** Every tag's slug, with how many live posts carry it. */
export async function listTagAddresses(db: Kysely<Database>, now: Date): Promise<{ slug: string; posts: number }[]> {
  const tags = await db.selectFrom('tag').select('slug').execute()
  const counted = await db
    .selectFrom('tag')
    .innerJoin('postTag', 'postTag.tagId', 'tag.id')
    .innerJoin('post', 'post.id', 'postTag.postId')
    .select((eb) => ['tag.slug', eb.fn.countAll().as('posts')])
    .where((eb) => isLive(eb, now))
    .groupBy('tag.slug')
    .execute()
  const posts = new Map(counted.map((r) => [r.slug, Number(r.posts)]))
  return tags.map((t) => ({ slug: t.slug, posts: posts.get(t.slug) ?? 0 }))
}

/** Old slugs of live posts (renamed after publishing), which redirect. */
export async function listRedirectedSlugs(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('postRedirect')
    .innerJoin('post', 'post.id', 'postRedirect.postId')
    .select('postRedirect.slug')
    .where((eb) => isLive(eb, now))
    .execute()
  return rows.map((r) => r.slug)
}

/** Imported addresses of one segment (/some-post), and WordPress slugs of imported posts: what /<segment> may redirect from. */
export async function listOldSingleSegments(db: Kysely<Database>): Promise<string[]> {
  const kept = await db
    .selectFrom('oldAddress')
    .select('path')
    .where('path', 'like', '/%')
    .where('path', 'not like', '/%/%')
    .where(sql<boolean>`length(path) > 1`)
    .execute()
  const legacy = await db.selectFrom('post').select('legacySlug').where('legacySlug', 'is not', null).execute()
  return [...kept.map((r) => r.path.slice(1)), ...legacy.map((r) => r.legacySlug!)]
}

/** Whether comment `id` is an approved comment of the post at `slug` (a thread's own page). */
export async function isApprovedCommentOf(db: Kysely<Database>, id: number, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .select('comment.id')
    .where('comment.id', '=', id)
    .where('post.slug', '=', slug)
    .where((eb) => isThreadedComment(eb))
    .executeTakeFirst()
  return row !== undefined
}

/** How many approved comments the post at `slug` has. */
export async function countApprovedComments(db: Kysely<Database>, slug: string): Promise<number> {
  const row = await db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .select((eb) => eb.fn.countAll().as('comments'))
    .where('post.slug', '=', slug)
    .where((eb) => isThreadedComment(eb))
    .executeTakeFirst()
  return Number(row?.comments ?? 0)
}
