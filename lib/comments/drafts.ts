import { randomBytes } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { deleteDrafts, findDraft, saveDraft } from '@/db/queries/drafts'
import { findPostForCommenting } from '@/db/queries/posts'
import type { Viewer } from '@/lib/auth/viewer'
import { replyPath, signInPath } from '@/lib/paths'

// Without JavaScript a refused comment cannot come back as form state (the browser has navigated),
// so its text is kept here and the reply page shows it again with the reason.

const DAY = 86_400_000

export interface RefusedComment {
  postId: number
  parentId: number | null
  commentId: number | null
  body: string
  message: string
}

/** Keeps a refused comment for its author and returns where to show it again. */
export async function keepRefusedComment(viewer: Viewer | null, refused: RefusedComment, now: Date = new Date(), db: DB = getDb()): Promise<string> {
  const post = await findPostForCommenting(refused.postId, db)
  if (!post) return '/'
  if (!viewer) return signInPath(replyPath(post.slug, { to: refused.parentId ?? undefined }))
  const id = randomBytes(12).toString('base64url')
  await saveDraft({ id, userId: viewer.id, ...refused, body: refused.body.slice(0, 20_000), createdAt: now }, db)
  return `${replyPath(post.slug)}?draft=${id}#respond`
}

/** A refused comment kept for this viewer, if it is theirs. */
export async function loadRefusedComment(viewer: Viewer | null, id: unknown, db: DB = getDb()): Promise<RefusedComment | null> {
  if (!viewer || typeof id !== 'string' || !/^[\w-]{1,40}$/.test(id)) return null
  const draft = await findDraft(id, viewer.id, db)
  return draft ? { postId: draft.postId, parentId: draft.parentId, commentId: draft.commentId, body: draft.body, message: draft.message } : null
}

/** After a comment is posted: forget this person's kept drafts on the post, and everyone's stale ones. */
export async function forgetRefusedComments(viewer: Viewer, postId: number, now: Date = new Date(), db: DB = getDb()): Promise<void> {
  await deleteDrafts(viewer.id, postId, new Date(now.getTime() - DAY), db)
}
