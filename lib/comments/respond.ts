import type { DB } from '@/db'
import { getDb } from '@/db'
import { findCommentAuthorName, listCommentsByAuthorOnPost } from '@/db/queries/comments'
import { UNNAMED, type Viewer } from '@/lib/people/viewer'
import { can } from '@/lib/people/permissions'
import { commentIsVisible } from '@/db/queries/visibility'
import { issueFormToken } from '@/lib/comments/form-token'
import { getSiteSettings } from '@/lib/settings'

export interface OwnComment {
  id: number
  /** Held comments (pending, or quietly marked spam) are "awaiting moderation" to their author. */
  awaitingModeration: boolean
  excerpt: string
  createdAt: string
  /** ISO time until which it may be edited, or null if it no longer may. */
  editableUntil: string | null
}

export interface RespondState {
  viewer: { id: string; name: string; hasName: boolean; banned: boolean } | null
  formToken: string | null
  replyTo: { id: number; authorName: string } | null
  editing: { id: number; body: string } | null
  ownComments: OwnComment[]
}

function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

/** The approved comment on this post being answered, if asked for. */
async function replyTarget(postId: number, replyTo: number | undefined, db: DB): Promise<RespondState['replyTo']> {
  if (!replyTo) return null
  const parent = await findCommentAuthorName(db, replyTo)
  return parent && parent.postId === postId && commentIsVisible(parent)
    ? { id: parent.id, authorName: parent.authorName ?? UNNAMED }
    : null
}

/**
 * What the "Leave a Reply" area shows this viewer on this post: the form (for a reply or an edit when
 * asked), and the viewer's own comments here, held ones marked. Per person: never cached.
 */
export async function loadRespondState(
  viewer: Viewer | null,
  postId: number,
  request: { replyTo?: number; edit?: number },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<RespondState> {
  // Signed out: the write-first form is timed too (lib/comments/written-first.ts).
  if (!viewer)
    return {
      viewer: null,
      formToken: issueFormToken(now),
      replyTo: await replyTarget(postId, request.replyTo, db),
      editing: null,
      ownComments: [],
    }
  const settings = await getSiteSettings(db)
  const own = await listCommentsByAuthorOnPost(db, viewer.id, postId)
  const editWindow = settings.editMinutes * 60_000
  const ownComments = own.map((c): OwnComment => {
    const until = c.createdAt.getTime() + editWindow
    return {
      id: c.id,
      awaitingModeration: c.status === 'pending' || c.status === 'spam',
      excerpt: excerpt(c.body),
      createdAt: c.createdAt.toISOString(),
      editableUntil: can(viewer, 'comments.moderate') || until > now.getTime() ? new Date(until).toISOString() : null,
    }
  })

  const replyTo = await replyTarget(postId, request.replyTo, db)
  const editable = request.edit ? own.find((c) => c.id === request.edit) : undefined
  const editing =
    editable && ownComments.find((c) => c.id === editable.id)?.editableUntil
      ? { id: editable.id, body: editable.body }
      : null

  return {
    viewer: { id: viewer.id, name: viewer.name, hasName: viewer.hasName, banned: viewer.banned },
    formToken: issueFormToken(now),
    replyTo,
    editing,
    ownComments,
  }
}
