import { z } from 'zod'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import {
  deleteCommentRow,
  findComment,
  hasApprovedComment,
  hasReplies,
  hasSameComment,
  insertComment,
  lastCommentAt,
  listAncestry,
  markCommentDeleted,
  updateCommentBody,
} from '@/db/queries/comments'
import { followPost } from '@/db/queries/outgoing-mail'
import { findPostForCommenting } from '@/db/queries/posts'
import { commentsAreOpen } from './open'
import type { CommentStatus } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { can } from '@/lib/people/permissions'
import { commentIsThreaded, commentIsVisible } from '@/db/queries/visibility'
import { decideCommentStatus } from '@/lib/comments/screening'
import { secondsSinceIssued } from '@/lib/comments/form-token'
import { allow, clientKey } from '@/lib/rate-limits'
import { getSiteSettings } from '@/lib/settings'
import { siteTranslator, translator, type Translator } from '@/lib/i18n'
import { log } from '@/lib/log'
import { mailAboutApprovedComments, mailAboutHeldComment } from '@/lib/mail/notifications'
import { allChanges, NOTHING_CHANGED, publicChanges } from '@/lib/changes'
import { renameAccount } from '@/lib/auth/account'
import { parseId } from '@/lib/params'
import { replyPath } from '@/lib/paths'
import { commentHtml } from '@/lib/markdown/stored'
import { refusal, type Changed, type Refusal } from '@/lib/result'

export const MAX_COMMENT_LENGTH = 10_000

// The schemas' messages are keys of the catalog's errors.comments, turned into sentences in the
// site's language by `commentIssue`.
export const bodySchema = z.string({ error: 'empty' }).trim().min(1, 'empty').max(MAX_COMMENT_LENGTH, 'tooLong')

const idSchema = z.coerce.number().int().positive()

export const newCommentSchema = z.object({
  postId: idSchema,
  parentId: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), idSchema.nullable()),
  body: bodySchema,
  honeypot: z.string().max(1000).default(''),
  formToken: z.string().max(200).optional(),
  /** "Follow this conversation": a mail for each new comment on the post. */
  follow: z.preprocess((v) => v === 'on' || v === true, z.boolean()).default(false),
})

const refuse = (message: string, field?: 'body'): Refusal => refusal(message, field ? { field } : {})

/** What is wrong with a comment's text (a bodySchema issue), as a sentence. */
export const commentIssue = (t: Translator<'errors.comments'>, key: string) =>
  key === 'tooLong' ? t('tooLong', { max: MAX_COMMENT_LENGTH }) : t('empty')

/** The sentences comments are refused with, in the site's language. */
export const commentRefusals = (db?: DB) => siteTranslator('errors.comments', db)

/**
 * Posts a comment or reply for the signed-in `viewer`, after every check and moderation rule.
 * Anyone may call it; it refuses (never throws) for anything a person could get wrong.
 */
export async function postComment(
  viewer: Viewer | null,
  raw: unknown,
  context: { ip: string; now?: Date; formSeconds?: number | null },
  db: DB = getDb(),
): Promise<Changed<{ id: number; status: CommentStatus; postSlug: string }>> {
  const settings = await getSiteSettings(db)
  const t = translator(settings.language, 'errors.comments')
  if (!viewer) return refuse(t('signInToComment'))
  if (viewer.banned) return refuse(t('banned'))
  const parsed = newCommentSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return issue.path[0] === 'body' ? refuse(commentIssue(t, issue.message), 'body') : refuse(t('garbledForm'))
  }
  const input = parsed.data
  const now = context.now ?? new Date()

  const post = await findPostForCommenting(db, input.postId)
  if (!post || !post.live) return refuse(t('notOpen'))
  if (!commentsAreOpen(post, settings, now)) return refuse(t('closed'))

  let parentId: number | null = null
  if (input.parentId !== null) {
    const chain = await listAncestry(db, input.parentId, 50)
    const parent = chain[0]
    if (!parent || parent.postId !== post.id || !commentIsVisible(parent)) {
      return refuse(t('parentGone'))
    }
    // chain is nearest-first; a reply to a comment at the deepest level becomes its sibling.
    const parentDepth = chain.length // 1 = top level
    if (parentDepth < settings.commentDepth) parentId = parent.id
    else parentId = settings.commentDepth > 1 ? chain[chain.length - (settings.commentDepth - 1)].id : null
  }

  // Moderators answering many comments in a row are not held to the flood rules (as in WordPress).
  const moderator = can(viewer, 'comments.moderate')
  const last = moderator ? null : await lastCommentAt(db, viewer.id)
  if (last && now.getTime() - last.getTime() < settings.floodSeconds * 1000) {
    return refuse(t('tooFast'))
  }
  if (await hasSameComment(db, viewer.id, post.id, input.body)) {
    return refuse(t('duplicate'), 'body')
  }
  if (
    !moderator &&
    (!(await allow('commentsPerUser', viewer.id, now, db)) ||
      !(await allow('commentsPerIp', clientKey(context.ip), now, db)))
  ) {
    return refuse(t('tooMany'))
  }

  const screening = decideCommentStatus(
    {
      body: input.body,
      honeypot: input.honeypot,
      // A comment written before signing in was timed when it was written (lib/comments/written-first.ts).
      secondsToSubmit:
        context.formSeconds !== undefined ? context.formSeconds : secondsSinceIssued(input.formToken, now),
      trusted: moderator,
      hasApprovedComment: await hasApprovedComment(db, viewer.id),
    },
    settings,
  )
  const { status, reason } = screening
  // The comment and the mails it causes (lib/mail/notifications.ts) are written together.
  const id = await inTransaction(db, async (trx) => {
    const id = await insertComment(trx, {
      postId: post.id,
      parentId,
      authorId: viewer.id,
      body: input.body,
      html: commentHtml(input.body),
      status,
      createdAt: now,
    })
    if (screening.status === 'pending') await mailAboutHeldComment(id, screening.reason, now, trx, settings)
    if (input.follow) await followPost(trx, viewer.id, post.id, now)
    if (status === 'approved') await mailAboutApprovedComments([{ id, wasHeld: false }], now, trx, settings)
    return id
  })
  log().info(
    {
      event: status === 'approved' ? 'comment.posted' : 'comment.held',
      commentId: id,
      postId: post.id,
      authorId: viewer.id,
      status,
      ...(status === 'approved' ? {} : { reason }),
    },
    status === 'approved' ? 'A comment was posted.' : 'A comment was held for moderation.',
  )
  return {
    ok: true,
    id,
    status,
    postSlug: post.slug,
    changes: publicChanges({ posts: commentIsThreaded({ status }) ? [post.slug] : [] }),
  }
}

/**
 * Changes a comment's text: its author within the edit window, or a moderator at any time.
 * Its post's page changes when the comment is approved.
 */
export async function editComment(
  viewer: Viewer | null,
  raw: { commentId: unknown; body: unknown },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<Changed<{ id: number; postSlug: string }>> {
  const settings = await getSiteSettings(db)
  const t = translator(settings.language, 'errors.comments')
  if (!viewer) return refuse(t('signInToEdit'))
  const id = idSchema.safeParse(raw.commentId)
  if (!id.success) return refuse(t('notYours'))
  const body = bodySchema.safeParse(raw.body)
  if (!body.success) return refuse(commentIssue(t, body.error.issues[0].message), 'body')
  const comment = await findComment(db, id.data)
  const moderator = can(viewer, 'comments.moderate')
  if (!comment || comment.deletedAt || (comment.authorId !== viewer.id && !moderator)) return refuse(t('notYours'))
  if (viewer.banned && !moderator) return refuse(t('banned'))
  if (!moderator && now.getTime() - comment.createdAt.getTime() > settings.editMinutes * 60_000) {
    return refuse(t('editWindow', { minutes: settings.editMinutes }))
  }
  const post = await findPostForCommenting(db, comment.postId)
  await updateCommentBody(db, comment.id, body.data, commentHtml(body.data), now)
  return {
    ok: true,
    id: comment.id,
    postSlug: post!.slug,
    changes: publicChanges({ posts: commentIsThreaded(comment) ? [post!.slug] : [] }),
  }
}

/**
 * Deletes a comment: its author at any time, or a moderator. One with replies stays as "[deleted]"
 * so its thread holds. Its post's page changes when the comment was approved.
 */
export async function deleteComment(
  viewer: Viewer | null,
  rawId: unknown,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<Changed<{ postSlug: string }>> {
  const t = await commentRefusals(db)
  if (!viewer) return refuse(t('signInToDelete'))
  const id = idSchema.safeParse(rawId)
  if (!id.success) return refuse(t('notYours'))
  const comment = await findComment(db, id.data)
  if (!comment || comment.deletedAt || (comment.authorId !== viewer.id && !can(viewer, 'comments.moderate')))
    return refuse(t('notYours'))
  const post = await findPostForCommenting(db, comment.postId)
  if (await hasReplies(db, comment.id)) await markCommentDeleted(db, comment.id, now)
  else await deleteCommentRow(db, comment.id)
  return {
    ok: true,
    postSlug: post!.slug,
    changes: publicChanges({ posts: commentIsThreaded(comment) ? [post!.slug] : [] }),
  }
}

/**
 * The comment form as sent (lib/forms/actions.ts hands it over): a first comment from someone
 * without a display name carries the name they chose with it, saved first.
 */
export async function postCommentFromForm(
  viewer: Viewer | null,
  values: Record<string, string>,
  context: { ip: string; now?: Date },
  db: DB = getDb(),
): Promise<Changed<{ id: number; status: CommentStatus; postSlug: string }>> {
  let author = viewer
  let renamed = NOTHING_CHANGED
  if (viewer && !viewer.hasName && (values.name ?? '').trim()) {
    const named = await renameAccount(viewer, values.name, db)
    if (!named.ok) return { ...named, field: 'name' }
    author = { ...viewer, name: values.name.trim(), hasName: true }
    renamed = named.changes
  }
  const posted = await postComment(
    author,
    {
      postId: values.postId,
      parentId: values.parentId,
      body: values.body,
      honeypot: values.website ?? '',
      formToken: values.formToken,
      follow: values.follow,
    },
    context,
    db,
  )
  return posted.ok ? { ...posted, changes: allChanges(renamed, posted.changes) } : posted
}

/**
 * Where a refused comment form sent without JavaScript comes back to with what was typed: its post's
 * reply page, replying to or editing the same comment (the home page for a post that is gone).
 */
export async function commentFormPage(values: Record<string, string>, db: DB = getDb()): Promise<string> {
  const postId = parseId(values.postId)
  const post = postId ? await findPostForCommenting(db, postId) : undefined
  if (!post) return '/'
  return `${replyPath(post.slug, { to: parseId(values.parentId) ?? undefined, edit: parseId(values.commentId) ?? undefined })}#respond`
}
