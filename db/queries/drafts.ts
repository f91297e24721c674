import type { Insertable, Kysely, Selectable } from 'kysely'
import { getDb } from '..'
import type { CommentDraftTable, Database } from '../types'

export type CommentDraft = Selectable<CommentDraftTable>

export async function saveDraft(draft: Insertable<CommentDraftTable>, db: Kysely<Database> = getDb()): Promise<void> {
  await db.insertInto('commentDraft').values(draft).execute()
}

export async function findDraft(id: string, userId: string, db: Kysely<Database> = getDb()): Promise<CommentDraft | undefined> {
  return db.selectFrom('commentDraft').selectAll().where('id', '=', id).where('userId', '=', userId).executeTakeFirst()
}

/** Forgets a person's drafts on a post, and anyone's drafts older than `before`. */
export async function deleteDrafts(userId: string, postId: number, before: Date, db: Kysely<Database> = getDb()): Promise<void> {
  await db
    .deleteFrom('commentDraft')
    .where((eb) => eb.or([eb.and([eb('userId', '=', userId), eb('postId', '=', postId)]), eb('createdAt', '<', before)]))
    .execute()
}
