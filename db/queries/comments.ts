import type { Kysely } from 'kysely'
import { getDb } from '..'
import type { Database, NewComment } from '../types'

export interface PublicCommentRow {
  id: number
  parentId: number | null
  authorName: string | null
  authorUrl: string | null
  body: string
  createdAt: Date
  editedAt: Date | null
}

/**
 * The whole approved comment tree of a post as flat rows, oldest first — one query, whatever its
 * size. Never selects an email address.
 */
export async function listApprovedComments(
  postId: number,
  db: Kysely<Database> = getDb(),
): Promise<PublicCommentRow[]> {
  return db
    .selectFrom('comment')
    .leftJoin('User', 'User.id', 'comment.authorId')
    .select((eb) => [
      'comment.id',
      'comment.parentId',
      eb.fn.coalesce('User.name', 'comment.authorName').as('authorName'),
      'comment.authorUrl',
      'comment.body',
      'comment.createdAt',
      'comment.editedAt',
    ])
    .where('comment.postId', '=', postId)
    .where('comment.status', '=', 'approved')
    .orderBy('comment.createdAt', 'asc')
    .orderBy('comment.id', 'asc')
    .execute()
}

export async function insertComment(comment: NewComment, db: Kysely<Database> = getDb()): Promise<number> {
  const row = await db.insertInto('comment').values(comment).returning('id').executeTakeFirstOrThrow()
  return row.id
}
