import type { ExpressionBuilder } from 'kysely'
import type { Database, PostStatus } from '../types'

/*
 * The one rule for what readers may see, written once for SQL and once for a row already read, side
 * by side so they cannot drift: a post or page is public when it is published, or scheduled for a
 * time that has come (so it appears on its own, on every instance, with no timer). A post is live —
 * in the blog's stream, open to comments — when it is public and a post; pages never are.
 */

/** SQL: published, or scheduled for a time that has come. */
export function isPublic(eb: ExpressionBuilder<Database, 'post'>, now: Date) {
  return eb.or([eb('post.status', '=', 'published'), eb.and([eb('post.status', '=', 'scheduled'), eb('post.publishedAt', '<=', now)])])
}

/** SQL: a public post (not a page) — listings, feeds, search, comments. */
export function isLive(eb: ExpressionBuilder<Database, 'post'>, now: Date) {
  return eb.and([eb('post.kind', '=', 'post'), isPublic(eb, now)])
}

/** The same as isPublic, for a row already read. */
export const isPublicNow = (post: { status: PostStatus; publishedAt: Date | null }, now: Date): boolean =>
  post.status === 'published' || (post.status === 'scheduled' && post.publishedAt !== null && post.publishedAt <= now)

