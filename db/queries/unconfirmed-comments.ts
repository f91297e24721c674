import type { Insertable, Kysely } from 'kysely'
import { getDb } from '..'
import type { Database, UnconfirmedCommentTable } from '../types'

/** Keeps a comment written before signing in; forgets every one older than `before`. */
export async function insertUnconfirmedComment(row: Insertable<UnconfirmedCommentTable>, before: Date, db: Kysely<Database> = getDb()): Promise<void> {
  await db.deleteFrom('unconfirmedComment').where('createdAt', '<', before).execute()
  await db.insertInto('unconfirmedComment').values(row).execute()
}

/** The kept comment whose link hashes to `tokenHash`, if newer than `after`. */
export async function findUnconfirmedComment(tokenHash: string, after: Date, db: Kysely<Database> = getDb()) {
  return db
    .selectFrom('unconfirmedComment')
    .innerJoin('post', 'post.id', 'unconfirmedComment.postId')
    .select(['unconfirmedComment.tokenHash', 'unconfirmedComment.postId', 'unconfirmedComment.parentId', 'unconfirmedComment.name', 'unconfirmedComment.email', 'unconfirmedComment.body', 'unconfirmedComment.followConversation', 'unconfirmedComment.formSeconds', 'unconfirmedComment.createdAt', 'post.slug as postSlug', 'post.title as postTitle'])
    .where('unconfirmedComment.tokenHash', '=', tokenHash)
    .where('unconfirmedComment.createdAt', '>=', after)
    .executeTakeFirst()
}

/** Forgets the kept comment; returns whether this call did (of two confirming at once, one does). */
export async function deleteUnconfirmedComment(tokenHash: string, db: Kysely<Database> = getDb()): Promise<boolean> {
  const result = await db.deleteFrom('unconfirmedComment').where('tokenHash', '=', tokenHash).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Starts a database session for a person (what Auth.js does after a sign-in link is followed). */
export async function insertSession(session: { id: string; sessionToken: string; userId: string; expires: Date; createdAt: Date }, db: Kysely<Database> = getDb()): Promise<void> {
  await db.insertInto('Session').values(session).execute()
}
