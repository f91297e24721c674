import type { DB } from '@/db'
import { findCommentForMail, findReplyRecipient, insertOutgoingMails, listModeratorsToTell, type MailRecipient, type NewOutgoingMail } from '@/db/queries/outgoing-mail'
import type { MailKind } from '@/db/types'
import { MODERATOR_ROLES, UNNAMED } from '@/lib/auth/viewer'
import { getSiteSettings } from '@/lib/settings'
import { heldCommentMail, replyMail, type MailContent } from './templates'

/*
 * Who hears about a comment, decided once, inside the transaction that writes the comment (or
 * approves it), so the mail exists exactly when the event does (the outbox; ./sender.ts sends it):
 *
 *   held for moderation  → every editor and admin who wants each (not its author, not banned)
 *   approved, a reply    → the parent's author, if they want replies (not the replier themself)
 *
 * Nobody hears of a comment they cannot see, or twice of the same one (each mail has a key).
 */

const letter = (kind: MailKind, key: string, to: MailRecipient, content: MailContent, now: Date): NewOutgoingMail => ({
  userId: to.id,
  toAddress: to.email,
  kind,
  dedupeKey: `${kind}:${key}:${to.id}`,
  subject: content.subject,
  textBody: content.textBody,
  htmlBody: content.htmlBody,
  headers: JSON.stringify(content.headers),
  nextAttemptAt: now,
})

async function commentOf(id: number, trx: DB) {
  const row = await findCommentForMail(id, trx)
  return row && !row.deletedAt ? { ...row, authorName: row.authorName ?? UNNAMED } : undefined
}

/** A comment was held: tell the moderators. Call inside the transaction that held it. */
export async function mailAboutHeldComment(commentId: number, reason: string, now: Date, trx: DB): Promise<void> {
  const comment = await commentOf(commentId, trx)
  if (!comment || comment.status !== 'pending') return
  const { title } = await getSiteSettings(trx)
  const moderators = await listModeratorsToTell(comment.authorId, MODERATOR_ROLES, trx)
  await insertOutgoingMails(
    moderators.map((m) => letter('held-comment', String(comment.id), m, heldCommentMail(title, comment, reason, m.id), now)),
    trx,
  )
}

/** Comments became visible (posted approved, or approved by a moderator): tell whoever they answer. Call inside that transaction. */
export async function mailAboutApprovedComments(commentIds: number[], now: Date, trx: DB): Promise<void> {
  const { title } = await getSiteSettings(trx)
  const mails: NewOutgoingMail[] = []
  for (const id of commentIds) {
    const comment = await commentOf(id, trx)
    if (!comment || comment.status !== 'approved' || comment.parentId === null) continue
    const to = await findReplyRecipient(comment.parentId, trx)
    if (to && to.id !== comment.authorId) mails.push(letter('reply', String(comment.id), to, replyMail(title, comment, to.id), now))
  }
  await insertOutgoingMails(mails, trx)
}
