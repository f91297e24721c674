import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublicCommentPost } from '@/db/queries/comments'
import { commentPath } from './paths'

/** Where a short comment link (/c/<id>) leads: the comment in its post, or null if not public. Public. */
export async function resolveCommentLink(rawId: string, db: DB = getDb()): Promise<string | null> {
  if (!/^\d{1,12}$/.test(rawId)) return null
  const id = Number(rawId)
  const slug = await findPublicCommentPost(id, db)
  return slug ? commentPath(slug, id) : null
}
