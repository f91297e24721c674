import type { Kysely } from 'kysely'
import { COMMENT_STATUSES, type CommentStatus, type Database } from '../types'
import { commentAuthorName, commentsWithPostAndAuthor } from './comments'

/** How many comments each status holds — one query. */
export async function countCommentsByStatus(db: Kysely<Database>): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('comment')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('deletedAt', 'is', null)
    .groupBy('status')
    .execute()
  const counts = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as Record<CommentStatus, number>
  for (const r of rows) if (r.status in counts) counts[r.status as CommentStatus] = Number(r.n)
  return counts
}

export interface ModerationRow {
  id: number
  postId: number
  postSlug: string
  postTitle: string
  parentId: number | null
  authorName: string | null
  /** Who wrote it, for the author filter: the account id, or the name a guest or imported commenter gave. */
  authorKey: string | null
  body: string
  html: string | null
  status: CommentStatus
  createdAt: Date
}

export interface ModerationFilter {
  status: CommentStatus
  postId?: number
  /** An authorKey: comments by that account, or by guests who gave that name. */
  author?: string
  search?: string
  limit: number
  offset: number
}

/** Comments as moderators see them, with their post and author's shown name. Never emails. */
function moderationRows(db: Kysely<Database>) {
  return commentsWithPostAndAuthor(db)
    .select((eb) => [
      'comment.id',
      'comment.postId',
      'post.slug as postSlug',
      'post.title as postTitle',
      'comment.parentId',
      commentAuthorName(eb).as('authorName'),
      eb.fn.coalesce('comment.authorId', 'comment.authorName').as('authorKey'),
      'comment.body',
      'comment.html',
      'comment.status',
      'comment.createdAt',
    ])
    .where('comment.deletedAt', 'is', null)
}

/** Comments of one status, newest first, optionally of one post or containing some text. Never emails. */
export async function listCommentsForModeration(
  db: Kysely<Database>,
  filter: ModerationFilter,
): Promise<ModerationRow[]> {
  let query = moderationRows(db).where('comment.status', '=', filter.status)
  if (filter.postId) query = query.where('comment.postId', '=', filter.postId)
  if (filter.author) {
    const author = filter.author
    query = query.where((eb) =>
      eb.or([
        eb('comment.authorId', '=', author),
        eb.and([eb('comment.authorId', 'is', null), eb('comment.authorName', '=', author)]),
      ]),
    )
  }
  if (filter.search) {
    // LIKE's wildcards are dropped from the search text rather than escaped: escaping differs by dialect.
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, '')}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['comment.body']), 'like', pattern),
        eb(eb.fn('lower', [commentAuthorName(eb)]), 'like', pattern),
      ]),
    )
  }
  return query
    .orderBy('comment.createdAt', 'desc')
    .orderBy('comment.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
}

/** One comment as moderators see it (not one deleted by its author), or undefined. */
export async function findCommentForModeration(db: Kysely<Database>, id: number): Promise<ModerationRow | undefined> {
  return moderationRows(db).where('comment.id', '=', id).executeTakeFirst()
}

/** The given comments with their post's slug (to invalidate its page). */
export async function findCommentsWithPost(
  db: Kysely<Database>,
  ids: number[],
): Promise<{ id: number; status: CommentStatus; postSlug: string }[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .select(['comment.id', 'comment.status', 'post.slug as postSlug'])
    .where('comment.id', 'in', ids)
    .execute()
}

export async function setCommentsStatus(db: Kysely<Database>, ids: number[], status: CommentStatus): Promise<void> {
  if (ids.length > 0) await db.updateTable('comment').set({ status }).where('id', 'in', ids).execute()
}

export async function deleteCommentsForever(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('comment').where('id', 'in', ids).execute()
}

/** A banned person's held comments go to spam. */
export async function spamPendingCommentsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db
    .updateTable('comment')
    .set({ status: 'spam' })
    .where('authorId', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
