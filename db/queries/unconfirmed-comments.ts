import type { Insertable, Kysely } from 'kysely'
import type { Database, UnconfirmedCommentTable } from '../types'

/** Keeps a comment written before signing in; forgets every one older than `before`. */
export async function insertUnconfirmedComment(
  db: Kysely<Database>,
  row: Insertable<UnconfirmedCommentTable>,
  before: Date,
): Promise<void> {
  await db.deleteFrom('unconfirmedComment').where('createdAt', '<', before).execute()
  await db.insertInto('unconfirmedComment').values(row).execute()
}

/** The kept comment whose link hashes to `tokenHash`, if newer than `after`. */
export async function findUnconfirmedComment(db: Kysely<Database>, tokenHash: string, after: Date) {
  return db
    .selectFrom('unconfirmedComment')
    .innerJoin('post', 'post.id', 'unconfirmedComment.postId')
    .select([
      'unconfirmedComment.tokenHash',
      'unconfirmedComment.postId',
      'unconfirmedComment.parentId',
      'unconfirmedComment.name',
      'unconfirmedComment.email',
      'unconfirmedComment.body',
      'unconfirmedComment.followConversation',
      'unconfirmedComment.formSeconds',
      'unconfirmedComment.createdAt',
      'post.slug as postSlug',
      'post.title as postTitle',
    ])
    .where('unconfirmedComment.tokenHash', '=', tokenHash)
    .where('unconfirmedComment.createdAt', '>=', after)
    .executeTakeFirst()
}

/** Forgets the kept comment; returns whether this call did (of two confirming at once, one does). */
export async function deleteUnconfirmedComment(db: Kysely<Database>, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom('unconfirmedComment').where('tokenHash', '=', tokenHash).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Starts a database session for a person (what Auth.js does after a sign-in link is followed). */
export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; sessionToken: string; userId: string; expires: Date; createdAt: Date },
): Promise<void> {
  await db.insertInto('Session').values(session).execute()
}
