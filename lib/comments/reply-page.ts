import { slugFromAddress } from '@/lib/slugs'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublishedPostBySlug } from '@/db/queries/posts'
import type { Viewer } from '@/lib/people/viewer'
import { getSiteSettings } from '@/lib/settings'
import { loadKeptForm } from '@/lib/forms/kept'
import type { FormState } from '@/lib/forms/state'
import { commentsAreOpen } from './open'
import { loadRespondState, type RespondState } from './respond'
import { parseId } from '@/lib/params'

export interface ReplyPageView {
  post: { id: number; slug: string; title: string; commentsOpen: boolean }
  respond: RespondState
  /** A refused comment form sent without JavaScript, brought back with why (lib/forms/kept.ts). */
  restored: FormState | undefined
}

const positiveInt = (value: unknown): number | undefined => parseId(value) ?? undefined

/** The reply page of a published post for this viewer (per person, never cached), or null. */
export async function loadReplyPage(
  viewer: Viewer | null,
  slug: string,
  query: { to?: unknown; edit?: unknown; form?: unknown },
  db: DB = getDb(),
): Promise<ReplyPageView | null> {
  const post = await findPublishedPostBySlug(db, slugFromAddress(slug), new Date())
  if (!post) return null
  const now = new Date()
  const restored = await loadKeptForm(viewer?.id ?? null, query.form, now, db)
  const respond = await loadRespondState(
    viewer,
    post.id,
    { replyTo: positiveInt(query.to), edit: positiveInt(query.edit) },
    now,
    db,
  )
  return {
    post: {
      id: post.id,
      slug: post.slug,
      title: post.title,
      commentsOpen: commentsAreOpen(post, await getSiteSettings(db)),
    },
    respond,
    restored,
  }
}
