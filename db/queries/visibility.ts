import type { ExpressionBuilder } from 'kysely'
import type { CommentStatus, Database, PostStatus } from '../types'

/*
 * The one rule for what readers may see, written once for SQL and once for a row already read, side
 * by side so they cannot drift: a post or page is public when it is published, or scheduled for a
 * time that has come (so it appears on its own, on every instance, with no timer). A post is live —
 * in the blog's stream, open to comments — when it is public and a post; pages never are.
 */

/** SQL: published, or scheduled for a time that has come. */
export function isPublic(eb: ExpressionBuilder<Database, 'post'>, now: Date) {
  return eb.or([
    eb('post.status', '=', 'published'),
    eb.and([eb('post.status', '=', 'scheduled'), eb('post.publishedAt', '<=', now)]),
  ])
}

/** SQL: a public post (not a page) — listings, feeds, search, comments. */
export function isLive(eb: ExpressionBuilder<Database, 'post'>, now: Date) {
  return eb.and([eb('post.kind', '=', 'post'), isPublic(eb, now)])
}

/** The same as isPublic, for a row already read. */
export const isPublicNow = (post: { status: PostStatus; publishedAt: Date | null }, now: Date): boolean =>
  post.status === 'published' || (post.status === 'scheduled' && post.publishedAt !== null && post.publishedAt <= now)

/*
 * The one rule for which comments readers see, whatever their kind (written here, imported, a
 * webmention or a fediverse reply to come): a comment is in its thread when it is approved — a
 * deleted one stays there as a placeholder, so its replies keep their place — and it is visible
 * (its words shown, open to replies, in feeds, counts of what readers can read, mails about it) when
 * it is in its thread and not deleted. Pending, spam and trash are the moderators' alone.
 */

/** SQL: approved (deleted ones included, as placeholders): threads, counts, pages of comments. */
export function isThreadedComment(eb: ExpressionBuilder<Database, 'comment'>) {
  return eb('comment.status', '=', 'approved')
}

/** SQL: approved and not deleted: feeds, replies, mails, links to one comment. */
export function isVisibleComment(eb: ExpressionBuilder<Database, 'comment'>) {
  return eb.and([isThreadedComment(eb), eb('comment.deletedAt', 'is', null)])
}

/** The same as isThreadedComment, for a row already read. */
export const commentIsThreaded = (comment: { status: CommentStatus }): boolean => comment.status === 'approved'

/** The same as isVisibleComment, for a row already read. */
export const commentIsVisible = (comment: { status: CommentStatus; deletedAt: Date | null }): boolean =>
  commentIsThreaded(comment) && comment.deletedAt === null
