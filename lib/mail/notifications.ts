import type { DB } from '@/db'
import {
  findCommentAuthorToTell,
  findCommentForMail,
  findReplyRecipient,
  insertOutgoingMails,
  listFollowersToTell,
  listModeratorsToTell,
  type MailRecipient,
  type NewOutgoingMail,
} from '@/db/queries/outgoing-mail'
import type { MailKind } from '@/db/types'
import { MODERATOR_ROLES, UNNAMED } from '@/lib/auth/viewer'
import { getSiteSettings } from '@/lib/settings'
import { approvedMail, followMail, heldCommentMail, replyMail, type MailContent } from './templates'

/*
 * Who hears about a comment, decided once, inside the transaction that writes the comment (or
 * approves it), so the mail exists exactly when the event does (the outbox; ./sender.ts sends it):
 *
 *   held for moderation   → every editor and admin who wants each (not its author, not banned)
 *   approved after a wait → its author ("your comment is published"), if they want mail about theirs
 *   approved, a reply     → the parent's author, if they want replies (not the replier themself)
 *   approved              → everyone following the post (not its author), one mail even if also the parent's author
 *
 * Nobody hears of a comment they cannot see, or twice of the same one (each mail has a key).
 */

/** `about` names what the mail is about: one mail per person per thing (a reply that is also news to a follower: one). */
const letter = (kind: MailKind, about: string, to: MailRecipient, content: MailContent, now: Date): NewOutgoingMail => ({
  userId: to.id,
  toAddress: to.email,
  kind,
  dedupeKey: `${about}:${to.id}`,
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
    moderators.map((m) => letter('held-comment', `held:${comment.id}`, m, heldCommentMail(title, comment, reason, m.id), now)),
    trx,
  )
}

/**
 * Comments became visible (posted approved, or approved by a moderator; `wasHeld` when they waited):
 * tell their authors if they waited, whoever they answer, and the post's followers. Call inside that transaction.
 */
export async function mailAboutApprovedComments(approvals: { id: number; wasHeld: boolean }[], now: Date, trx: DB): Promise<void> {
  if (approvals.length === 0) return
  const { title } = await getSiteSettings(trx)
  const mails: NewOutgoingMail[] = []
  for (const { id, wasHeld } of approvals) {
    const comment = await commentOf(id, trx)
    if (!comment || comment.status !== 'approved') continue
    if (wasHeld && comment.authorId) {
      const author = await findCommentAuthorToTell(comment.id, trx)
      if (author) mails.push(letter('approved', `approved:${comment.id}`, author, approvedMail(title, comment, author.id), now))
    }
    const about = `comment:${comment.id}`
    if (comment.parentId !== null) {
      const to = await findReplyRecipient(comment.parentId, trx)
      if (to && to.id !== comment.authorId) mails.push(letter('reply', about, to, replyMail(title, comment, to.id), now))
    }
    for (const follower of await listFollowersToTell(comment.postId, comment.authorId, trx)) {
      mails.push(letter('follow', about, follower, followMail(title, comment, follower.id), now))
    }
  }
  // The first written of two mails about the same comment to the same person wins (the reply).
  await insertOutgoingMails(mails.filter((m, i) => mails.findIndex((n) => n.dedupeKey === m.dedupeKey) === i), trx)
}
