import { diffLines, diffWordsWithSpace } from 'diff'
import { refusal, type Changed } from '@/lib/result'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { updatePost, type EditablePost } from '@/db/queries/admin-posts'
import { insertAuditEntries } from '@/db/queries/audit'
import {
  findRevisions,
  hasRevisions,
  insertRevision,
  listRevisions,
  type Revision,
  type RevisionSummary,
} from '@/db/queries/revisions'
import { PermissionDenied, requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { isPublicNow } from '@/db/queries/visibility'
import { canEditPost, findEditablePost } from './access'
import { NOTHING_CHANGED, publicChanges } from '@/lib/changes'
import { siteTranslator } from '@/lib/i18n'
import { postHtml } from '@/lib/markdown/stored'

type RevisedText = { title: string; excerpt: string | null; body: string; updatedAt: Date }

/**
 * Keeps a revision of a published post's new text. `before` is its text before this save when it was
 * already published: a post published before revisions were kept gets that text as its first
 * revision too, so it can be restored.
 */
export async function recordRevision(
  postId: number,
  before: (RevisedText & { authorId: string | null }) | null,
  after: RevisedText,
  actorId: string,
  db: DB,
): Promise<void> {
  if (before && !(await hasRevisions(db, postId)))
    await insertRevision(db, {
      postId,
      title: before.title,
      excerpt: before.excerpt,
      body: before.body,
      savedById: before.authorId,
      createdAt: before.updatedAt,
    })
  await insertRevision(db, {
    postId,
    title: after.title,
    excerpt: after.excerpt,
    body: after.body,
    savedById: actorId,
    createdAt: after.updatedAt,
  })
}

/** One stretch of a comparison: text both have, or text only the older (removed) or newer (added) has. */
export interface DiffPart {
  value: string
  change: 'same' | 'removed' | 'added'
}

export interface RevisionComparison {
  from: Revision
  to: Revision
  title: DiffPart[]
  excerpt: DiffPart[]
  body: DiffPart[]
}

export interface RevisionsView {
  post: EditablePost
  revisions: RevisionSummary[]
  /** The two revisions compared (older first); null when there are fewer than two. */
  comparison: RevisionComparison | null
}

const parts = (changes: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] =>
  changes.map((c) => ({ value: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }))

/** Compares two texts: words for short ones, whole lines for the Markdown body. */
export function compareText(older: string, newer: string, by: 'words' | 'lines'): DiffPart[] {
  return parts(by === 'lines' ? diffLines(older, newer) : diffWordsWithSpace(older, newer))
}

/**
 * A post's revisions and a comparison of two of them (by default the latest and the one before).
 * Null if the post does not exist or is not the viewer's to edit. Throws PermissionDenied.
 */
export async function loadRevisions(
  viewer: Viewer | null,
  postId: number,
  pick: { from?: number; to?: number } = {},
  db: DB = getDb(),
): Promise<RevisionsView | null> {
  requireCapability(viewer, 'posts.write')
  const post = Number.isSafeInteger(postId) ? await findEditablePost(postId, new Date(), db) : undefined
  if (!post || !canEditPost(viewer, post)) return null
  const revisions = await listRevisions(db, postId)
  const ids = new Set(revisions.map((r) => r.id))
  const to = pick.to && ids.has(pick.to) ? pick.to : revisions[0]?.id
  const from =
    pick.from && ids.has(pick.from)
      ? pick.from
      : revisions.find((r) => r.id !== to && (to === undefined || r.id < to))?.id
  if (from === undefined || to === undefined || from === to) return { post, revisions, comparison: null }
  const found = await findRevisions(db, postId, [from, to])
  const [older, newer] = [
    found.find((r) => r.id === Math.min(from, to))!,
    found.find((r) => r.id === Math.max(from, to))!,
  ]
  return {
    post,
    revisions,
    comparison: {
      from: older,
      to: newer,
      title: compareText(older.title, newer.title, 'words'),
      excerpt: compareText(older.excerpt ?? '', newer.excerpt ?? '', 'words'),
      body: compareText(older.body, newer.body, 'lines'),
    },
  }
}

/**
 * Puts a revision's title, excerpt and body back into its post (which keeps its status, address and
 * the rest), keeping that as a new revision; audited. Throws PermissionDenied.
 */
export async function restoreRevision(
  viewer: Viewer | null,
  postId: number,
  revisionId: number,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<Changed<{ slug: string }>> {
  const actor = requireCapability(viewer, 'posts.write')
  const post = await findEditablePost(postId, now, db)
  if (!post) return refusal((await siteTranslator('errors.posts', db))('postGone'))
  if (!canEditPost(actor, post)) throw new PermissionDenied('posts.edit-any')
  const [revision] = await findRevisions(db, postId, [revisionId])
  if (!revision) return refusal((await siteTranslator('errors.posts', db))('revisionGone'))
  const text = { title: revision.title, excerpt: revision.excerpt, body: revision.body, updatedAt: now }
  await inTransaction(db, async (trx) => {
    await updatePost(trx, postId, { ...text, html: postHtml(text.body) })
    await recordRevision(postId, post.status === 'published' ? post : null, text, actor.id, trx)
    await insertAuditEntries(trx, [
      {
        actorId: actor.id,
        action: 'post.restore-revision',
        subject: `post:${postId}`,
        detail: { revision: revisionId, title: revision.title },
      },
    ])
  })
  return {
    ok: true,
    slug: post.slug,
    changes: isPublicNow(post, now) ? publicChanges({ listings: true, posts: [post.slug] }) : NOTHING_CHANGED,
  }
}
