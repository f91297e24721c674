import type { DB } from '@/db'
import { getDb } from '@/db'
import { slugify } from '@/lib/slugs'
import { getSiteSettings, publicSiteInfo, type PublicSiteInfo } from '@/lib/settings'
import type { Viewer } from '@/lib/people/viewer'
import { loadPostForEditing } from './editing'
import { postDetails, type PostView } from './views'

export interface PostPreview {
  site: PublicSiteInfo
  status: string
  post: PostView['post']
}

/**
 * Any post (draft, scheduled, trashed or live) as its public page would show it, for the people who
 * may edit it; null for everyone else. Throws PermissionDenied for people who write no posts.
 */
export async function loadPostPreview(
  viewer: Viewer | null,
  id: number,
  db: DB = getDb(),
): Promise<PostPreview | null> {
  const post = await loadPostForEditing(viewer, id, db)
  if (!post) return null
  const site = await getSiteSettings(db)
  const tags = post.tags.map((name) => ({ name, slug: slugify(name) }))
  return { site: publicSiteInfo(site), status: post.status, post: postDetails(post, tags, site) }
}
