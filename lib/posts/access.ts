import type { DB } from '@/db'
import { findPostForEditing, type EditablePost } from '@/db/queries/admin-posts'
import { isPublicNow } from '@/db/queries/visibility'
import { can } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'

// Which post an editor may open, and how it looks to them: shared by editing and revisions.

/**
 * A post as its editors see it: a scheduled post whose time has come counts as published (as
 * WordPress's "future" posts become "publish"), so the editor offers Update and keeps revisions.
 */
export async function findEditablePost(id: number, now: Date, db: DB): Promise<EditablePost | undefined> {
  const post = await findPostForEditing(db, id)
  return post?.status === 'scheduled' && isPublicNow(post, now) ? { ...post, status: 'published' } : post
}

/** Editors and admins edit every post; authors only their own. */
export function canEditPost(viewer: Viewer | null, post: { authorId: string | null }): boolean {
  return can(viewer, 'posts.edit-any') || (can(viewer, 'posts.write') && post.authorId === viewer!.id)
}
