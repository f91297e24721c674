import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublicCommentPost } from '@/db/queries/comments'
import { findCommentByLegacyId } from '@/db/queries/imports'
import { getSiteSettings } from '@/lib/settings'
import { loadCommentLayout, locateComment } from './paging'
import { commentPath, commentPagePath, threadPath } from '@/lib/paths'
import { parseId } from '@/lib/params'

/**
 * Where a short comment link (/c/<id>, or /c/<id>?post=<post id> from a post's page) leads: the comment on the page of its post that shows it (or
 * in its continued thread), or null if it is not public. Public.
 */
export async function resolveCommentLink(rawId: string, onPost?: number, db: DB = getDb()): Promise<string | null> {
  const parsed = parseId(rawId)
  if (parsed === null) return null
  let id = parsed
  let post = await findPublicCommentPost(db, id, new Date())
  // From a post's page (`onPost`), an anchor that is none of its comments may be an old WordPress
  // #comment-ID of one imported there.
  if (onPost !== undefined && post?.id !== onPost) {
    const imported = await findCommentByLegacyId(db, onPost, id)
    if (imported) {
      id = imported
      post = await findPublicCommentPost(db, id, new Date())
    }
  }
  if (!post) return null
  const site = await getSiteSettings(db)
  const { layout, paging } = await loadCommentLayout(post.id, site, db)
  const place = locateComment(layout, id, paging)
  if (!place) return null
  const at = `#comment-${id}`
  if (place.thread) return `${threadPath(post.slug, place.thread)}${at}`
  return place.page === 1 ? commentPath(post.slug, id) : `${commentPagePath(post.slug, place.page)}${at}`
}
