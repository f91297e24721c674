import type { Insertable, Kysely } from 'kysely'
import { getDb } from '..'
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

export async function insertRevision(revision: Insertable<PostRevisionTable>, db: Kysely<Database> = getDb()): Promise<void> {
  await db.insertInto('postRevision').values(revision).execute()
}

export async function hasRevisions(postId: number, db: Kysely<Database> = getDb()): Promise<boolean> {
  return !!(await db.selectFrom('postRevision').select('id').where('postId', '=', postId).limit(1).executeTakeFirst())
}

/** A post's revisions, newest first, without their text. */
export async function listRevisions(postId: number, db: Kysely<Database> = getDb()): Promise<RevisionSummary[]> {
  return db
    .selectFrom('postRevision')
    .leftJoin('User', 'User.id', 'postRevision.savedById')
    .select(['postRevision.id', 'postRevision.title', 'postRevision.createdAt', 'User.name as savedByName'])
    .where('postRevision.postId', '=', postId)
    .orderBy('postRevision.id', 'desc')
    .execute()
}

/** Some of a post's revisions in full (the ones asked for that belong to it). */
export async function findRevisions(postId: number, ids: number[], db: Kysely<Database> = getDb()): Promise<Revision[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('postRevision')
    .leftJoin('User', 'User.id', 'postRevision.savedById')
    .select(['postRevision.id', 'postRevision.postId', 'postRevision.title', 'postRevision.excerpt', 'postRevision.body', 'postRevision.createdAt', 'User.name as savedByName'])
    .where('postRevision.postId', '=', postId)
    .where('postRevision.id', 'in', ids)
    .execute()
}
