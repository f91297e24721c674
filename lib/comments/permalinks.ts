import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublicCommentPost } from '@/db/queries/comments'
import { getSiteSettings } from '@/lib/settings'
import { loadCommentLayout, locateComment } from './pages'
import { commentPath, commentPagePath, threadPath } from './paths'

/**
 * Where a short comment link (/c/<id>) leads: the comment on the page of its post that shows it (or
 * in its continued thread), or null if it is not public. Public.
 */
export async function resolveCommentLink(rawId: string, db: DB = getDb()): Promise<string | null> {
  if (!/^\d{1,12}$/.test(rawId)) return null
  const id = Number(rawId)
  const post = await findPublicCommentPost(id, db)
  if (!post) return null
  const site = await getSiteSettings(db)
  const { layout, paging } = await loadCommentLayout(post.id, site, db)
  const place = locateComment(layout, id, paging)
  if (!place) return null
  const at = `#comment-${id}`
  if (place.thread) return `${threadPath(post.slug, place.thread)}${at}`
  return place.page === 1 ? commentPath(post.slug, id) : `${commentPagePath(post.slug, place.page)}${at}`
}
