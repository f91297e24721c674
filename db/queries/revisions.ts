import type { Insertable, Kysely } from 'kysely'
import type { Database, PostRevisionTable } from '../types'

export interface RevisionSummary {
  id: number
  title: string
  createdAt: Date
  savedByName: string | null
}

export interface Revision extends RevisionSummary {
  postId: number
  excerpt: string | null
  body: string
}

export async function insertRevision(db: Kysely<Database>, revision: Insertable<PostRevisionTable>): Promise<void> {
  await db.insertInto('postRevision').values(revision).execute()
}

export async function hasRevisions(db: Kysely<Database>, postId: number): Promise<boolean> {
  return !!(await db.selectFrom('postRevision').select('id').where('postId', '=', postId).limit(1).executeTakeFirst())
}

/** A post's revisions, newest first, without their text. */
export async function listRevisions(db: Kysely<Database>, postId: number): Promise<RevisionSummary[]> {
  return db
    .selectFrom('postRevision')
    .leftJoin('User', 'User.id', 'postRevision.savedById')
    .select(['postRevision.id', 'postRevision.title', 'postRevision.createdAt', 'User.name as savedByName'])
    .where('postRevision.postId', '=', postId)
    .orderBy('postRevision.id', 'desc')
    .execute()
}

/** Some of a post's revisions in full (the ones asked for that belong to it). */
export async function findRevisions(db: Kysely<Database>, postId: number, ids: number[]): Promise<Revision[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('postRevision')
    .leftJoin('User', 'User.id', 'postRevision.savedById')
    .select([
      'postRevision.id',
      'postRevision.postId',
      'postRevision.title',
      'postRevision.excerpt',
      'postRevision.body',
      'postRevision.createdAt',
      'User.name as savedByName',
    ])
    .where('postRevision.postId', '=', postId)
    .where('postRevision.id', 'in', ids)
    .execute()
}
