import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { CommentStatus, Database, NewComment } from '../types'
import { isLive, isThreadedComment } from './visibility'

/**
 * The name a comment is shown under: its author's current display name when they have an account,
 * else the name stored with the comment (guests, imported commenters). Needs User left-joined.
 */
export function commentAuthorName(eb: ExpressionBuilder<Database, 'comment' | 'User'>) {
  return eb.fn.coalesce('User.name', 'comment.authorName')
}

/** Comments joined to their post and to their author's account (for the name they are shown under). */
export function commentsWithPostAndAuthor(db: Kysely<Database>) {
  return db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .leftJoin('User', 'User.id', 'comment.authorId')
}

export interface PublicCommentRow {
  id: number
  parentId: number | null
  authorName: string | null
  authorUrl: string | null
  /** Set when the author's account was deleted. */
  authorDeletedAt: Date | null
  body: string
  html: string | null
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
}

/**
 * The shape of a post's approved comment tree — ids, parents and whether each was deleted — oldest
 * first: enough to count, page and place comments without loading their text.
 */
export async function listApprovedCommentSkeleton(
  db: Kysely<Database>,
  postId: number,
): Promise<{ id: number; parentId: number | null; deletedAt: Date | null }[]> {
  return db
    .selectFrom('comment')
    .select(['comment.id', 'comment.parentId', 'comment.deletedAt'])
    .where('comment.postId', '=', postId)
    .where((eb) => isThreadedComment(eb))
    .orderBy('comment.createdAt', 'asc')
    .orderBy('comment.id', 'asc')
    .execute()
}

/**
 * Approved comments of a post as flat rows, oldest first: all of them, or those with the given ids
 * (the ones a page shows) — one query. Never selects an email address.
 */
export async function listApprovedComments(
  db: Kysely<Database>,
  postId: number,
  ids?: number[],
): Promise<PublicCommentRow[]> {
  if (ids?.length === 0) return []
  let query = db
    .selectFrom('comment')
    .leftJoin('User', 'User.id', 'comment.authorId')
    .select((eb) => [
      'comment.id',
      'comment.parentId',
      commentAuthorName(eb).as('authorName'),
      'comment.authorUrl',
      'User.deletedAt as authorDeletedAt',
      'comment.body',
      'comment.html',
      'comment.createdAt',
      'comment.editedAt',
      'comment.deletedAt',
    ])
    .where('comment.postId', '=', postId)
    .where((eb) => isThreadedComment(eb))
  if (ids) query = query.where('comment.id', 'in', ids)
  return query.orderBy('comment.createdAt', 'asc').orderBy('comment.id', 'asc').execute()
}

export async function insertComment(db: Kysely<Database>, comment: NewComment): Promise<number> {
  const row = await db.insertInto('comment').values(comment).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export interface CommentRow {
  id: number
  postId: number
  parentId: number | null
  authorId: string | null
  body: string
  status: CommentStatus
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
}

const commentColumns = [
  'comment.id',
  'comment.postId',
  'comment.parentId',
  'comment.authorId',
  'comment.body',
  'comment.status',
  'comment.createdAt',
  'comment.editedAt',
  'comment.deletedAt',
] as const

export async function findComment(db: Kysely<Database>, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comment').select(commentColumns).where('id', '=', id).executeTakeFirst()
}

/** The comment and its ancestors, nearest first, up to `limit` rows: one recursive query, however deep the thread. */
export async function listAncestry(db: Kysely<Database>, id: number, limit: number): Promise<CommentRow[]> {
  return db
    .withRecursive('ancestry(id, parentId, depth)', (q) =>
      q
        .selectFrom('comment')
        .select(['comment.id', 'comment.parentId', sql<number>`1`.as('depth')])
        .where('comment.id', '=', id)
        .unionAll((q) =>
          q
            .selectFrom('comment')
            .innerJoin('ancestry', 'ancestry.parentId', 'comment.id')
            .select(['comment.id', 'comment.parentId', sql<number>`ancestry.depth + 1`.as('depth')])
            .where('ancestry.depth', '<', limit),
        ),
    )
    .selectFrom('comment')
    .innerJoin('ancestry', 'ancestry.id', 'comment.id')
    .select(commentColumns)
    .orderBy('ancestry.depth')
    .execute()
}

/** A person's comments on one post that are not deleted, newest first (any status). */
export async function listCommentsByAuthorOnPost(
  db: Kysely<Database>,
  authorId: string,
  postId: number,
): Promise<CommentRow[]> {
  return db
    .selectFrom('comment')
    .select(commentColumns)
    .where('authorId', '=', authorId)
    .where('postId', '=', postId)
    .where('deletedAt', 'is', null)
    .where('status', '!=', 'trash')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** When the person last commented anywhere, if ever. */
export async function lastCommentAt(db: Kysely<Database>, authorId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('comment')
    .select('createdAt')
    .where('authorId', '=', authorId)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.createdAt
}

export async function hasApprovedComment(db: Kysely<Database>, authorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('comment')
    .select('id')
    .where('authorId', '=', authorId)
    .where((eb) => isThreadedComment(eb))
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Whether the person already left exactly this text on this post. */
export async function hasSameComment(
  db: Kysely<Database>,
  authorId: string,
  postId: number,
  body: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('comment')
    .select('id')
    .where('authorId', '=', authorId)
    .where('postId', '=', postId)
    .where('body', '=', body)
    .where('deletedAt', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function updateCommentBody(
  db: Kysely<Database>,
  id: number,
  body: string,
  html: string,
  editedAt: Date,
): Promise<void> {
  await db.updateTable('comment').set({ body, html, editedAt }).where('id', '=', id).execute()
}

export async function hasReplies(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('comment').select('id').where('parentId', '=', id).limit(1).executeTakeFirst()
  return row !== undefined
}

/** Marks a comment deleted; its text is removed, so nothing of it can be shown again. */
export async function markCommentDeleted(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.updateTable('comment').set({ deletedAt: at, body: '', html: '' }).where('id', '=', id).execute()
}

export async function deleteCommentRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('comment').where('id', '=', id).execute()
}

/** One comment's public face: who wrote it (display name only) and where it is. */
export async function findCommentAuthorName(
  db: Kysely<Database>,
  id: number,
): Promise<
  { id: number; postId: number; status: CommentStatus; authorName: string | null; deletedAt: Date | null } | undefined
> {
  return db
    .selectFrom('comment')
    .leftJoin('User', 'User.id', 'comment.authorId')
    .select((eb) => [
      'comment.id',
      'comment.postId',
      'comment.status',
      commentAuthorName(eb).as('authorName'),
      'comment.deletedAt',
    ])
    .where('comment.id', '=', id)
    .executeTakeFirst()
}

/** The post a visible comment belongs to (approved, on a live post), for short comment links. */
export async function findPublicCommentPost(
  db: Kysely<Database>,
  id: number,
  now: Date = new Date(),
): Promise<{ id: number; slug: string } | undefined> {
  return db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .select(['post.id', 'post.slug'])
    .where('comment.id', '=', id)
    .where((eb) => isThreadedComment(eb))
    .where((eb) => isLive(eb, now))
    .executeTakeFirst()
}
