import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertOutgoingMails } from '@/db/queries/outgoing-mail'
import { findPostForCommenting } from '@/db/queries/posts'
import {
  deleteUnconfirmedComment,
  findUnconfirmedComment,
  insertSession,
  insertUnconfirmedComment,
} from '@/db/queries/unconfirmed-comments'
import { findUserByEmail, insertUser, setUserName } from '@/db/queries/users'
import type { Viewer } from '@/lib/people/viewer'
import { log } from '@/lib/log'
import { confirmCommentMail } from '@/lib/mail/templates'
import { slugify } from '@/lib/slugs'
import { allowSignInMail } from '@/lib/rate-limits'
import { getSiteSettings } from '@/lib/settings'
import { secondsSinceIssued } from './form-token'
import { keepForm } from '@/lib/forms/kept'
import { formFailure, idle } from '@/lib/forms/state'
import { replyPath } from '@/lib/paths'
import { refusal, type Refusal, type Result } from '@/lib/result'
import { NOTHING_CHANGED, type PublicChanges } from '@/lib/changes'
import { sessionLifetimeMs } from '@/lib/auth/session-lifetime'
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

const unconfirmedSchema = z.object({
  postId: newCommentSchema.shape.postId,
  parentId: newCommentSchema.shape.parentId,
  // Messages: keys of the catalog's errors.comments.
  name: z.string().trim().min(1, 'nameMissing').max(60, 'nameTooLong'),
  email: z.string().trim().toLowerCase().max(254, 'emailTooLong').email('emailInvalid'),
  body: bodySchema,
  honeypot: newCommentSchema.shape.honeypot,
  formToken: newCommentSchema.shape.formToken,
  follow: newCommentSchema.shape.follow,
})

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')
export const confirmPath = (token: string) => `/comments/confirm?token=${token}`

/**
 * Keeps a comment written by a signed-out reader and writes the mail that confirms it. Public. The
 * form's signed token says how long it took to write (a forged one is a bot's: told all went well,
 * nothing kept); a form sent without script carries none, and the confirmation stands in for it.
 */
export async function keepUnconfirmedComment(
  raw: unknown,
  context: { ip: string; now?: Date },
  db: DB = getDb(),
): Promise<Result<{ postSlug: string }>> {
  const settings = await getSiteSettings(db)
  const t = translator(settings.language, 'errors.comments')
  const parsed = unconfirmedSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path[0]
    if (field === 'body') return refusal(commentIssue(t, issue.message), { field })
    if (field === 'name' || field === 'email')
      return refusal(t(issue.message as 'nameMissing' | 'nameTooLong' | 'emailTooLong' | 'emailInvalid'), { field })
    return refusal(t('garbledForm'))
  }
  const input = parsed.data
  const now = context.now ?? new Date()
  const post = await findPostForCommenting(db, input.postId)
  if (!post || !post.live) return refusal(t('notOpen'))
  if (!commentsAreOpen(post, settings, now)) return refusal(t('closed'))
  const formSeconds = input.formToken ? secondsSinceIssued(input.formToken, now) : null
  // A filled-in hidden field or a forged form token: a bot. It is told all went well, and nothing is kept or sent.
  if (input.honeypot || (input.formToken && formSeconds === null)) return { ok: true, postSlug: post.slug }
  if (!(await allowSignInMail(input.email, context.ip, now, db))) return refusal(t('tooManyEmails'))
  const token = randomBytes(24).toString('base64url')
  const content = confirmCommentMail(settings, { title: post.title }, confirmPath(token))
  await inTransaction(db, async (trx) => {
    await insertUnconfirmedComment(
      trx,
      {
        tokenHash: hashOf(token),
        postId: post.id,
        parentId: input.parentId,
        name: input.name,
        email: input.email,
        body: input.body,
        followConversation: input.follow,
        formSeconds,
        createdAt: now,
      },
      new Date(now.getTime() - KEPT_MS),
    )
    await insertOutgoingMails(trx, [
      {
        userId: null,
        toAddress: input.email,
        kind: 'confirm-comment',
        dedupeKey: `confirm:${hashOf(token)}`,
        subject: content.subject,
        textBody: content.textBody,
        htmlBody: content.htmlBody,
        headers: JSON.stringify(content.headers),
        nextAttemptAt: now,
      },
    ])
  })
  log().info(
    { event: 'comment.kept-unconfirmed', postId: post.id },
    'A comment written before signing in waits for its email to be confirmed.',
  )
  return { ok: true, postSlug: post.slug }
}

/** What a confirmation link would post, for the page that asks before it does; null for an unknown, used or expired link. Public. */
export async function loadUnconfirmedComment(token: unknown, now: Date = new Date(), db: DB = getDb()) {
  if (typeof token !== 'string' || !/^[\w-]{20,64}$/.test(token)) return null
  const row = await findUnconfirmedComment(db, hashOf(token), new Date(now.getTime() - KEPT_MS))
  return row ? { postTitle: row.postTitle, postSlug: row.postSlug, name: row.name, body: row.body } : null
}

export type ConfirmResult =
  | {
      ok: true
      session: { token: string; expires: Date }
      postSlug: string
      /** Posted (or held), or refused by the rules every comment meets: its text kept at `keptAt`. */
      comment: Awaited<ReturnType<typeof postComment>> & { keptAt?: string }
      /** What public pages show differently (the comment, once posted). */
      changes: PublicChanges
    }
  | (Refusal & { reason: ConfirmRefusal })

/** Why a confirmation link posts nothing (a fixed word, so the page can say it without carrying a sentence in its address). */
export const CONFIRM_REFUSALS = ['expired', 'banned'] as const
export type ConfirmRefusal = (typeof CONFIRM_REFUSALS)[number]

/**
 * Confirms a comment written first: signs its writer in (a new account with the name they gave, or
 * theirs) and posts it through postComment's rules, timed by how long its form took. The session is
 * returned for the caller to set as a cookie. The link works once: it is used up here, all in one
 * transaction, and a refused comment's text is kept for its writer's reply page (`keptAt`), so nothing
 * is lost. Anyone holding the link may call it.
 */
export async function confirmUnconfirmedComment(
  token: unknown,
  context: { ip: string; now?: Date },
  db: DB = getDb(),
): Promise<ConfirmResult> {
  const now = context.now ?? new Date()
  const t = await commentRefusals(db)
  const expired = { ok: false as const, reason: 'expired' as const, message: t('confirmExpired') }
  if (typeof token !== 'string' || !/^[\w-]{20,64}$/.test(token)) return expired
  const row = await findUnconfirmedComment(db, hashOf(token), new Date(now.getTime() - KEPT_MS))
  if (!row) return expired

  return inTransaction(db, async (trx) => {
    // Two confirmations at once: one uses the link, the other finds it used.
    if (!(await deleteUnconfirmedComment(trx, row.tokenHash))) return expired
    let account = await findUserByEmail(trx, row.email)
    if (account?.bannedAt || account?.deletedAt)
      return { ok: false as const, reason: 'banned' as const, message: t('addressBanned') }
    if (!account) {
      const id = await insertUser(trx, {
        id: randomUUID(),
        email: row.email,
        emailVerified: now,
        name: null,
        role: 'commenter',
      })
      await setUserName(trx, id, row.name, slugify(row.name))
      account = (await findUserByEmail(trx, row.email))!
    } else if (!account.name) {
      await setUserName(trx, account.id, row.name, slugify(row.name))
    }
    const viewer: Viewer = {
      id: account.id,
      name: account.name ?? row.name,
      hasName: true,
      role: account.role,
      banned: false,
    }
    const session = {
      token: randomBytes(32).toString('base64url'),
      expires: new Date(now.getTime() + sessionLifetimeMs()),
    }
    await insertSession(trx, {
      id: randomUUID(),
      sessionToken: session.token,
      userId: account.id,
      expires: session.expires,
      createdAt: now,
    })

    // Timed by its form, not by when the mail was opened; a form sent without script was not timed,
    // and the confirmed address stands in for the check.
    const comment = await postComment(
      viewer,
      {
        postId: row.postId,
        parentId: row.parentId ?? '',
        body: row.body,
        honeypot: '',
        follow: row.followConversation ? 'on' : '',
      },
      { ip: context.ip, now, formSeconds: row.formSeconds ?? Number.POSITIVE_INFINITY },
      trx,
    )
    if (comment.ok) return { ok: true as const, session, postSlug: row.postSlug, comment, changes: comment.changes }
    const refused = formFailure(idle, { message: comment.message, field: comment.field, values: { body: row.body } })
    const keptAt = await keepForm(
      `${replyPath(row.postSlug, { to: row.parentId ?? undefined })}#respond`,
      refused,
      { userId: viewer.id, client: context.ip },
      now,
      trx,
    )
    return {
      ok: true as const,
      session,
      postSlug: row.postSlug,
      comment: { ...comment, keptAt },
      changes: NOTHING_CHANGED,
    }
  })
}
