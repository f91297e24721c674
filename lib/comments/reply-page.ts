import { slugFromAddress } from '@/lib/posts/slugs'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublishedPostBySlug } from '@/db/queries/posts'
import type { Viewer } from '@/lib/auth/viewer'
import { getSiteSettings } from '@/lib/settings'
import { loadRefusedComment, type RefusedComment } from './drafts'
import { commentsAreOpen } from './open'
import { loadRespondState, type RespondState } from './respond'
import { parseId } from '@/lib/params'

export interface ReplyPageView {
  post: { id: number; slug: string; title: string; commentsOpen: boolean }
  respond: RespondState
  /** A refused comment brought back to the form, with why it was refused. */
  refused: RefusedComment | null
}

const positiveInt = (value: unknown): number | undefined => parseId(value) ?? undefined

/** The reply page of a published post for this viewer (per person, never cached), or null. */
export async function loadReplyPage(
  viewer: Viewer | null,
  slug: string,
  query: { to?: unknown; edit?: unknown; draft?: unknown },
  db: DB = getDb(),
): Promise<ReplyPageView | null> {
  const post = await findPublishedPostBySlug(slugFromAddress(slug), new Date(), db)
  if (!post) return null
  const found = await loadRefusedComment(viewer, query.draft, db)
  const refused = found && found.postId === post.id ? found : null
  const respond = await loadRespondState(
    viewer,
    post.id,
    { replyTo: refused ? (refused.parentId ?? undefined) : positiveInt(query.to), edit: refused ? (refused.commentId ?? undefined) : positiveInt(query.edit) },
    new Date(),
    db,
  )
  return { post: { id: post.id, slug: post.slug, title: post.title, commentsOpen: commentsAreOpen(post, await getSiteSettings(db)) }, respond, refused }
}
