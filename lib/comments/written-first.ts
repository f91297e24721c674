import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertOutgoingMails } from '@/db/queries/outgoing-mail'
import { findPostForCommenting } from '@/db/queries/posts'
import { deleteUnconfirmedComment, findUnconfirmedComment, insertSession, insertUnconfirmedComment } from '@/db/queries/unconfirmed-comments'
import { findUserByEmail, insertUser, setUserName } from '@/db/queries/users'
import type { Viewer } from '@/lib/auth/viewer'
import { log } from '@/lib/log'
import { confirmCommentMail } from '@/lib/mail/templates'
import { slugify } from '@/lib/posts/slugs'
import { allow } from '@/lib/rate-limits'
import { getSiteSettings } from '@/lib/settings'
import { issueFormToken } from './form-token'
import { commentsAreOpen } from './open'
import { translator } from '@/lib/i18n'
import { bodySchema, commentIssue, commentRefusals, newCommentSchema, postComment } from './posting'

/*
 * Write first, confirm by email: a signed-out reader writes a comment with a name and an email
 * address. It is kept (never shown to anyone) with a mail holding a one-time link, written in the
 * same transaction; following the link and pressing Confirm signs them in (making the account, with
 * the name they gave, if there is none) and posts the comment through the same rules as any other
 * (first comment held, links, words, flood, duplicates). Unconfirmed comments go after 7 days. The
 * mails count against the same limits as sign-in emails, per address and client and per client.
 */

const KEPT_MS = 7 * 86_400_000
const SESSION_MS = 30 * 86_400_000

const unconfirmedSchema = z.object({
  postId: newCommentSchema.shape.postId,
  parentId: newCommentSchema.shape.parentId,
  // Messages: keys of the catalog's errors.comments.
  name: z.string().trim().min(1, 'nameMissing').max(60, 'nameTooLong'),
  email: z.string().trim().toLowerCase().max(254, 'emailTooLong').email('emailInvalid'),
  body: bodySchema,
  honeypot: newCommentSchema.shape.honeypot,
  follow: newCommentSchema.shape.follow,
})

export type WrittenFirstRefusal = { ok: false; message: string; field?: 'name' | 'email' | 'body' }

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')
export const confirmPath = (token: string) => `/comments/confirm?token=${token}`

/** Keeps a comment written by a signed-out reader and writes the mail that confirms it. Public. */
export async function keepUnconfirmedComment(raw: unknown, context: { ip: string; now?: Date }, db: DB = getDb()): Promise<{ ok: true; postSlug: string } | WrittenFirstRefusal> {
  const settings = await getSiteSettings(db)
  const t = translator(settings.language, 'errors.comments')
  const parsed = unconfirmedSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path[0]
    if (field === 'body') return { ok: false, message: commentIssue(t, issue.message), field }
    if (field === 'name' || field === 'email') return { ok: false, message: t(issue.message as 'nameMissing' | 'nameTooLong' | 'emailTooLong' | 'emailInvalid'), field }
    return { ok: false, message: t('garbledForm') }
  }
  const input = parsed.data
  const now = context.now ?? new Date()
  const post = await findPostForCommenting(input.postId, db)
  if (!post || !post.live) return { ok: false, message: t('notOpen') }
  if (!commentsAreOpen(post, settings, now)) return { ok: false, message: t('closed') }
  // A filled-in hidden field: a bot. It is told all went well, and nothing is kept or sent.
  if (input.honeypot) return { ok: true, postSlug: post.slug }
  if (!(await allow('signInEmailsPerAddressAndClient', `${input.email} ${context.ip}`, now, db)) || !(await allow('signInEmailsPerClient', context.ip, now, db))) {
    return { ok: false, message: t('tooManyEmails') }
  }
  const token = randomBytes(24).toString('base64url')
  const content = confirmCommentMail(settings, { name: input.name, body: input.body, postTitle: post.title }, confirmPath(token))
  await inTransaction(db, async (trx) => {
    await insertUnconfirmedComment(
      { tokenHash: hashOf(token), postId: post.id, parentId: input.parentId, name: input.name, email: input.email, body: input.body, followConversation: input.follow, createdAt: now },
      new Date(now.getTime() - KEPT_MS),
      trx,
    )
    await insertOutgoingMails(
      [{ userId: null, toAddress: input.email, kind: 'confirm-comment', dedupeKey: `confirm:${hashOf(token)}`, subject: content.subject, textBody: content.textBody, htmlBody: content.htmlBody, headers: JSON.stringify(content.headers), nextAttemptAt: now }],
      trx,
    )
  })
  log().info({ event: 'comment.kept-unconfirmed', postId: post.id }, 'A comment written before signing in waits for its email to be confirmed.')
  return { ok: true, postSlug: post.slug }
}

/** What a confirmation link would post, for the page that asks before it does; null for an unknown or expired link. Public. */
export async function loadUnconfirmedComment(token: unknown, now: Date = new Date(), db: DB = getDb()) {
  if (typeof token !== 'string' || !/^[\w-]{20,64}$/.test(token)) return null
  const row = await findUnconfirmedComment(hashOf(token), new Date(now.getTime() - KEPT_MS), db)
  return row ? { postTitle: row.postTitle, postSlug: row.postSlug, name: row.name, body: row.body } : null
}

export type ConfirmResult =
  | { ok: true; session: { token: string; expires: Date }; postSlug: string; comment: Awaited<ReturnType<typeof postComment>> }
  | { ok: false; message: string }

/**
 * Confirms a comment written first: signs its writer in (a new account with the name they gave, or
 * theirs) and posts it through postComment's rules. The session is returned for the caller to set as
 * a cookie. A refused comment stays kept, so its text is not lost. Anyone holding the link may call it.
 */
export async function confirmUnconfirmedComment(token: unknown, context: { ip: string; now?: Date }, db: DB = getDb()): Promise<ConfirmResult> {
  const now = context.now ?? new Date()
  const t = await commentRefusals(db)
  const expired = { ok: false as const, message: t('confirmExpired') }
  if (typeof token !== 'string' || !/^[\w-]{20,64}$/.test(token)) return expired
  const row = await findUnconfirmedComment(hashOf(token), new Date(now.getTime() - KEPT_MS), db)
  if (!row) return expired

  let account = await findUserByEmail(row.email, db)
  if (account?.bannedAt || account?.deletedAt) {
    await deleteUnconfirmedComment(row.tokenHash, db)
    return { ok: false, message: t('addressBanned') }
  }
  if (!account) {
    const id = await insertUser({ id: randomUUID(), email: row.email, emailVerified: now, name: null, role: 'commenter' }, db)
    await setUserName(id, row.name, slugify(row.name), db)
    account = (await findUserByEmail(row.email, db))!
  } else if (!account.name) {
    await setUserName(account.id, row.name, slugify(row.name), db)
  }
  const viewer: Viewer = { id: account.id, name: account.name ?? row.name, hasName: true, role: account.role, banned: false }
  const session = { token: randomBytes(32).toString('base64url'), expires: new Date(now.getTime() + SESSION_MS) }
  await insertSession({ id: randomUUID(), sessionToken: session.token, userId: account.id, expires: session.expires }, db)

  // The form was "shown" when the comment was written: the time it took is real, and long.
  const comment = await postComment(
    viewer,
    { postId: row.postId, parentId: row.parentId ?? '', body: row.body, honeypot: '', formToken: issueFormToken(row.createdAt), follow: row.followConversation ? 'on' : '' },
    { ip: context.ip, now },
    db,
  )
  if (comment.ok) await deleteUnconfirmedComment(row.tokenHash, db)
  return { ok: true, session, postSlug: row.postSlug, comment }
}
