import type { DB } from '@/db'
import { getDb } from '@/db'
import { findLegacyPost } from '@/db/queries/imports'
import { findTagBySlug } from '@/db/queries/posts'
import { pathOfKind } from '@/lib/paths'
import { archivePath } from '@/lib/posts/archives'
import { isPublicNow } from '@/db/queries/visibility'

/*
 * The addresses a WordPress blog's readers and search engines still use, mapped to where imported
 * posts, pages and tags live now — each answered with a permanent redirect:
 *   /?p=ID and /?page_id=ID            → the post or page imported from that WordPress id
 *   /YYYY/MM/DD/slug/, /YYYY/MM/slug/  → the post whose WordPress slug that was
 *   /slug/, /parent/slug/              → the post or page whose WordPress slug that was
 *   /category/a/b/ and /tag/x/         → the tag (categories became tags)
 * Old #comment-ID anchors are followed by the comment thread's script (see resolveCommentLink).
 */

export type OldAddress = { id: number } | { segments: string[] }

/** The path an old WordPress address now lives at, or null if it names nothing public here. Public. */
export async function resolveOldAddress(address: OldAddress, now: Date = new Date(), db: DB = getDb()): Promise<string | null> {
  if ('id' in address) {
    const post = Number.isSafeInteger(address.id) ? await findLegacyPost({ id: address.id }, db) : undefined
    return post && isPublicNow(post, now) ? pathOfKind(post.kind, post.slug) : null
  }
  let segments: string[]
  try {
    segments = address.segments.map((s) => decodeURIComponent(s)).filter(Boolean)
  } catch {
    return null
  }
  if ((segments[0] === 'category' || segments[0] === 'tag') && segments.length >= 2) {
    const tag = await findTagBySlug(segments[segments.length - 1].toLowerCase(), db)
    return tag ? archivePath({ kind: 'tag', slug: tag.slug }) : null
  }
  const dated = segments.length >= 3 && /^\d{4}$/.test(segments[0]) && /^\d{2}$/.test(segments[1])
  // /parent/child/ is a child page's address: the last segment is its slug.
  const slug = dated ? segments.slice(2).filter((s) => !/^\d{2}$/.test(s))[0] : segments[segments.length - 1]
  if (!slug || (dated && segments.length > 4)) return null
  const post = await findLegacyPost({ slug }, db)
  return post && isPublicNow(post, now) ? pathOfKind(post.kind, post.slug) : null
}
