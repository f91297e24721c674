import { z } from 'zod'
import { refusal, type Changed } from '@/lib/result'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertAuditEntries } from '@/db/queries/audit'
import { findComment } from '@/db/queries/comments'
import {
  countCommentsByStatus,
  deleteCommentsForever,
  findCommentForModeration,
  findCommentsWithPost,
  listCommentsForModeration,
  setCommentsStatus,
} from '@/db/queries/moderation-queue'
import { COMMENT_STATUSES, type CommentStatus } from '@/db/types'
import { commentIsThreaded } from '@/db/queries/visibility'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { commentIssue, commentRefusals, editComment, newCommentSchema, postComment } from '@/lib/comments/posting'
import { shownCommentHtml } from '@/lib/markdown/stored'
import { siteTranslator } from '@/lib/i18n'
import { log } from '@/lib/log'
import { mailAboutApprovedComments } from '@/lib/mail/notifications'
import { publicChanges } from '@/lib/changes'

export const QUEUE_PAGE_SIZE = 20

/** What each moderation action does to a comment's status (null: deletes it for good). */
export const MODERATION_ACTIONS = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  'not-spam': 'pending',
  trash: 'trash',
  restore: 'pending',
  delete: null,
} as const satisfies Record<string, CommentStatus | null>

export type ModerationAction = keyof typeof MODERATION_ACTIONS

const querySchema = z.object({
  status: z.enum(COMMENT_STATUSES).catch('pending'),
  post: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.string().max(200).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** The moderation queue as the URL asks for it. Editors and admins only; throws PermissionDenied. */
export async function loadModerationQueue(viewer: Viewer | null, query: Record<string, unknown>, db: DB = getDb()) {
  requireCapability(viewer, 'comments.moderate')
  const q = querySchema.parse(query)
  const counts = await countCommentsByStatus(db)
  const rows = await listCommentsForModeration(db, {
    status: q.status,
    postId: q.post,
    author: q.author || undefined,
    search: q.q || undefined,
    limit: QUEUE_PAGE_SIZE + 1,
    offset: (q.page - 1) * QUEUE_PAGE_SIZE,
  })
  return { query: q, counts, comments: rows.slice(0, QUEUE_PAGE_SIZE), hasNext: rows.length > QUEUE_PAGE_SIZE }
}

type Moderated = { id: number; status: CommentStatus; postSlug: string }

/** How one kind of thing on a post (comments, mentions) is found, changed and removed. */
export interface ModerationTarget<T extends Moderated> {
  /** "comment" or "mention": the audit log's actions and the refusals' words. */
  noun: string
  find: (db: DB, ids: number[]) => Promise<T[]>
  setStatus: (db: DB, ids: number[], status: CommentStatus) => Promise<void>
  deleteForever: (db: DB, ids: number[]) => Promise<void>
  /** Inside the transaction, once they are approved (comments: who is told). */
  approved?: (items: T[], db: DB) => Promise<void>
}

/**
 * Applies one moderation action to the given things of one kind, records it in the audit log, and
 * returns the posts whose public page changed (an approved one appears or goes). Editors and admins only; throws PermissionDenied.
 */
export async function moderate<T extends Moderated>(
  target: ModerationTarget<T>,
  viewer: Viewer | null,
  action: string,
  rawIds: unknown[],
  db: DB = getDb(),
): Promise<Changed<{ count: number }>> {
  const actor = requireCapability(viewer, 'comments.moderate')
  const refuse = async (why: 'chooseAction' | 'selectOne' | 'tooMany') =>
    refusal((await siteTranslator('admin.moderation', db))(why, { noun: target.noun }))
  if (!(action in MODERATION_ACTIONS)) return refuse('chooseAction')
  const parsed = z.array(z.coerce.number().int().positive()).min(1).max(500).safeParse(rawIds)
  if (!parsed.success) return refuse(Array.isArray(rawIds) && rawIds.length > 500 ? 'tooMany' : 'selectOne')
  const status = MODERATION_ACTIONS[action as ModerationAction]
  const items = await target.find(db, [...new Set(parsed.data)])
  const ids = items.map((c) => c.id)
  const changedPosts = new Set(
    items
      .filter((c) => commentIsThreaded(c) || (status !== null && commentIsThreaded({ status })))
      .map((c) => c.postSlug),
  )
  await inTransaction(db, async (trx) => {
    if (status === null) await target.deleteForever(trx, ids)
    else await target.setStatus(trx, ids, status)
    if (status === 'approved' && target.approved) await target.approved(items, trx)
    await insertAuditEntries(
      trx,
      items.map((c) => ({
        actorId: actor.id,
        action: `${target.noun}.${action}`,
        subject: `${target.noun}:${c.id}`,
        detail: { from: c.status, to: status ?? 'deleted' },
      })),
    )
  })
  log().info(
    { event: `${target.noun}.moderated`, action, ids, actorId: actor.id },
    `${ids.length} ${target.noun}(s) moderated: ${action}.`,
  )
  return { ok: true, count: ids.length, changes: publicChanges({ posts: [...changedPosts] }) }
}

const comments: ModerationTarget<Awaited<ReturnType<typeof findCommentsWithPost>>[number]> = {
  noun: 'comment',
  find: findCommentsWithPost,
  setStatus: setCommentsStatus,
  deleteForever: deleteCommentsForever,
  // Those that were waiting or hidden reach whoever is to hear of them.
  approved: (items, trx) =>
    mailAboutApprovedComments(
      items.filter((c) => !commentIsThreaded(c)).map((c) => ({ id: c.id, wasHeld: c.status === 'pending' })),
      new Date(),
      trx,
    ),
}

/** Applies one moderation action to comments (see moderate). Editors and admins only; throws PermissionDenied. */
export const moderateComments = (viewer: Viewer | null, action: string, rawIds: unknown[], db: DB = getDb()) =>
  moderate(comments, viewer, action, rawIds, db)

const commentId = z.coerce.number().int().positive()

/**
 * One comment for its page in the admin — where a moderator reads it whole, edits its text or
 * replies — or null if there is no such comment. Editors and admins only; throws PermissionDenied.
 */
export async function loadCommentForModeration(viewer: Viewer | null, rawId: unknown, db: DB = getDb()) {
  requireCapability(viewer, 'comments.moderate')
  const id = commentId.safeParse(rawId)
  const comment = id.success ? await findCommentForModeration(db, id.data) : undefined
  return comment ? { ...comment, html: shownCommentHtml(comment) } : null
}

type ModeratorResult = Changed<{ id: number; postSlug: string }>

class Refused extends Error {
  constructor(readonly result: ModeratorResult) {
    super('refused')
  }
}

/**
 * Replies to a comment as the moderator; the reply is approved at once, and a comment still waiting
 * is approved with it (WordPress's "Approve and Reply"). All or nothing: a refused reply approves
 * nothing. The reply goes through the same rules as any comment (a moderator is trusted). Editors and admins only; throws PermissionDenied.
 */
export async function replyAsModerator(
  viewer: Viewer | null,
  raw: { commentId: unknown; body: unknown; formToken: unknown },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<ModeratorResult> {
  const actor = requireCapability(viewer, 'comments.moderate')
  const id = commentId.safeParse(raw.commentId)
  const parent = id.success ? await findComment(db, id.data) : undefined
  if (!parent || parent.deletedAt) return refusal((await siteTranslator('admin.moderation', db))('commentGone'))
  const body = newCommentSchema.shape.body.safeParse(raw.body)
  if (!body.success)
    return refusal(commentIssue(await commentRefusals(db), body.error.issues[0].message), { field: 'body' })
  try {
    return await inTransaction(db, async (trx) => {
      if (!commentIsThreaded(parent)) {
        await setCommentsStatus(trx, [parent.id], 'approved')
        await mailAboutApprovedComments([{ id: parent.id, wasHeld: parent.status === 'pending' }], now, trx)
        await insertAuditEntries(trx, [
          {
            actorId: actor.id,
            action: 'comment.approve',
            subject: `comment:${parent.id}`,
            detail: { from: parent.status, to: 'approved' },
          },
        ])
      }
      // The reply form carries a form token like the public one, so the same rules read it.
      const formToken = typeof raw.formToken === 'string' ? raw.formToken : undefined
      const posted = await postComment(
        actor,
        { postId: parent.postId, parentId: parent.id, body: body.data, formToken },
        { ip: 'admin', now },
        trx,
      )
      if (!posted.ok) throw new Refused(posted)
      await insertAuditEntries(trx, [
        {
          actorId: actor.id,
          action: 'comment.reply',
          subject: `comment:${posted.id}`,
          detail: { inReplyTo: parent.id },
        },
      ])
      return { ok: true as const, id: posted.id, postSlug: posted.postSlug, changes: posted.changes }
    })
  } catch (error) {
    if (error instanceof Refused) return error.result
    throw error
  }
}

/** Changes a comment's text as a moderator, and records it. Editors and admins only; throws PermissionDenied. */
export async function editAsModerator(
  viewer: Viewer | null,
  raw: { commentId: unknown; body: unknown },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<ModeratorResult> {
  const actor = requireCapability(viewer, 'comments.moderate')
  const id = commentId.safeParse(raw.commentId)
  const before = id.success ? await findComment(db, id.data) : undefined
  return inTransaction(db, async (trx) => {
    const result = await editComment(actor, raw, now, trx)
    if (result.ok)
      await insertAuditEntries(trx, [
        {
          actorId: actor.id,
          action: 'comment.edit',
          subject: `comment:${result.id}`,
          detail: { before: before?.body ?? '' },
        },
      ])
    return result
  })
}
