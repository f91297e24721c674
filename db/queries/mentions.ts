import type { Insertable, Kysely } from 'kysely'
import type { CommentStatus, Database, MentionTable } from '../types'

// Mentions: other pages linking to a post (pingbacks, trackbacks).

export type NewMention = Insertable<MentionTable>

export async function insertMention(db: Kysely<Database>, mention: NewMention): Promise<number> {
  const row = await db.insertInto('mention').values(mention).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findMentionIdByLegacyKey(db: Kysely<Database>, legacyKey: string): Promise<number | undefined> {
  return (await db.selectFrom('mention').select('id').where('legacyKey', '=', legacyKey).executeTakeFirst())?.id
}

/** A post's approved mentions, oldest first. */
export async function listApprovedMentions(db: Kysely<Database>, postId: number) {
  return db
    .selectFrom('mention')
    .select(['id', 'sourceUrl', 'title', 'createdAt'])
    .where('postId', '=', postId)
    .where('status', '=', 'approved')
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
}

/** Mentions in one status, newest first, with their post, for the admin. */
export async function listMentionsForModeration(
  db: Kysely<Database>,
  status: CommentStatus,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('mention')
    .innerJoin('post', 'post.id', 'mention.postId')
    .select([
      'mention.id',
      'mention.kind',
      'mention.sourceUrl',
      'mention.title',
      'mention.excerpt',
      'mention.status',
      'mention.createdAt',
      'post.slug as postSlug',
      'post.title as postTitle',
    ])
    .where('mention.status', '=', status)
    .orderBy('mention.createdAt', 'desc')
    .orderBy('mention.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

/** How many mentions are in each status. */
export async function countMentionsByStatus(db: Kysely<Database>): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('mention')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute()
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 }
  for (const row of rows) counts[row.status] = Number(row.n)
  return counts
}

/** Mentions by id, with their status and their post's slug. */
export async function findMentionsWithPost(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('mention')
    .innerJoin('post', 'post.id', 'mention.postId')
    .select(['mention.id', 'mention.status', 'post.slug as postSlug'])
    .where('mention.id', 'in', ids)
    .execute()
}

export async function setMentionsStatus(db: Kysely<Database>, ids: number[], status: CommentStatus): Promise<void> {
  if (ids.length > 0) await db.updateTable('mention').set({ status }).where('id', 'in', ids).execute()
}

export async function deleteMentionsForever(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('mention').where('id', 'in', ids).execute()
}
