import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import {
  findCommentAuthorToTell,
  findCommentForMail,
  findMailRecipient,
  findReplyRecipient,
  insertDigestItems,
  insertOutgoingMails,
  listFollowersToTell,
  listModeratorsToTell,
  listPeopleWithDigestDue,
  takeDigestItems,
  type MailRecipient,
  type NewOutgoingMail,
} from '@/db/queries/outgoing-mail'
import type { DigestItemTable, MailKind } from '@/db/types'
import { UNNAMED } from '@/lib/people/viewer'
import { rolesThat } from '@/lib/people/permissions'
import { commentIsVisible } from '@/db/queries/visibility'
import { log } from '@/lib/log'
import { getSiteSettings } from '@/lib/settings'
import {
  approvedMail,
  digestMail,
  followMail,
  heldCommentMail,
  replyMail,
  type DigestEntry,
  type MailContent,
  type MailSite,
} from '@/lib/mail/templates'
import type { HoldReason } from '@/db/types'

/*
 * Who hears about a comment, decided once, inside the transaction that writes the comment (or
 * approves it), so the mail exists exactly when the event does (the outbox; ./sender.ts sends it):
 *
 *   held for moderation   → every editor and admin who wants each (not its author, not banned)
 *   approved after a wait → its author ("your comment is published"), if they want mail about theirs
 *   approved, a reply     → the parent's author, if they want replies (not the replier themself)
 *   approved              → everyone following the post (not its author), one mail even if also the parent's author
 *
 * Nobody hears of a comment they cannot see, or twice of the same one (each notice has a key).
 * Each notice goes out as its own mail, or — for people who chose a daily digest — waits in
 * digestItem until writeDueDigests gathers a day of them into one mail.
 */

const DIGEST_EVERY_MS = 24 * 60 * 60_000

type NoticeKind = DigestItemTable['kind']

/** One person to tell of one comment. `about` names the thing: one notice per person per thing (a reply that is also news to a follower: one). */
interface Notice {
  kind: NoticeKind
  about: string
  to: MailRecipient
  commentId: number
  /** A held comment's reason (lib/comments/screening.ts), kept as JSON with a digest item. */
  reason?: HoldReason
  content: () => MailContent
}

const mailOf = (
  kind: MailKind,
  dedupeKey: string,
  to: MailRecipient,
  content: MailContent,
  now: Date,
): NewOutgoingMail => ({
  userId: to.id,
  toAddress: to.email,
  kind,
  dedupeKey,
  subject: content.subject,
  textBody: content.textBody,
  htmlBody: content.htmlBody,
  headers: JSON.stringify(content.headers),
  nextAttemptAt: now,
})

/** Writes each notice as its person wants it: a mail now, or an item for their digest. The first of two notices with one key wins. */
async function deliver(notices: Notice[], now: Date, trx: DB): Promise<void> {
  const keyOf = (n: Notice) => `${n.about}:${n.to.id}`
  const unique = notices.filter((n, i) => notices.findIndex((m) => keyOf(m) === keyOf(n)) === i)
  await insertOutgoingMails(
    trx,
    unique.filter((n) => n.to.delivery === 'each').map((n) => mailOf(n.kind, keyOf(n), n.to, n.content(), now)),
  )
  await insertDigestItems(
    trx,
    unique
      .filter((n) => n.to.delivery === 'daily')
      .map((n) => ({
        userId: n.to.id,
        kind: n.kind,
        commentId: n.commentId,
        reason: n.reason ? JSON.stringify(n.reason) : null,
        dedupeKey: keyOf(n),
        createdAt: now,
      })),
  )
}

/** A digest item's reason as stored: JSON, or (items written before reasons were) a plain English phrase. */
function holdReasonOf(stored: string | null): HoldReason | string | null {
  if (!stored) return null
  try {
    const reason = JSON.parse(stored) as HoldReason
    return typeof reason?.rule === 'string' ? reason : stored
  } catch {
    return stored
  }
}

async function commentOf(id: number, trx: DB) {
  const row = await findCommentForMail(trx, id)
  return row && !row.deletedAt ? { ...row, authorName: row.authorName ?? UNNAMED } : undefined
}

/** A comment was held: tell the moderators. Call inside the transaction that held it. */
export async function mailAboutHeldComment(
  commentId: number,
  reason: HoldReason,
  now: Date,
  trx: DB,
  settings?: MailSite,
): Promise<void> {
  const comment = await commentOf(commentId, trx)
  if (!comment || comment.status !== 'pending') return
  const { title, language } = settings ?? (await getSiteSettings(trx))
  const site = { title, language }
  const moderators = await listModeratorsToTell(trx, comment.authorId, rolesThat('comments.moderate'))
  await deliver(
    moderators.map((to) => ({
      kind: 'held-comment',
      about: `held:${comment.id}`,
      to,
      commentId: comment.id,
      reason,
      content: () => heldCommentMail(site, comment, reason, to.id),
    })),
    now,
    trx,
  )
}

/**
 * Comments became visible (posted approved, or approved by a moderator; `wasHeld` when they waited):
 * tell their authors if they waited, whoever they answer, and the post's followers. Call inside that transaction.
 */
export async function mailAboutApprovedComments(
  approvals: { id: number; wasHeld: boolean }[],
  now: Date,
  trx: DB,
  settings?: MailSite,
): Promise<void> {
  if (approvals.length === 0) return
  const { title, language } = settings ?? (await getSiteSettings(trx))
  const site = { title, language }
  const notices: Notice[] = []
  for (const { id, wasHeld } of approvals) {
    const comment = await commentOf(id, trx)
    if (!comment || !commentIsVisible(comment)) continue
    const commentId = comment.id
    if (wasHeld && comment.authorId) {
      const author = await findCommentAuthorToTell(trx, comment.id)
      if (author)
        notices.push({
          kind: 'approved',
          about: `approved:${commentId}`,
          to: author,
          commentId,
          content: () => approvedMail(site, comment, author.id),
        })
    }
    const about = `comment:${commentId}`
    // The reply comes first: of two notices about the same comment to the same person, it wins.
    if (comment.parentId !== null) {
      const to = await findReplyRecipient(trx, comment.parentId)
      if (to && to.id !== comment.authorId)
        notices.push({ kind: 'reply', about, to, commentId, content: () => replyMail(site, comment, to.id) })
    }
    for (const to of await listFollowersToTell(trx, comment.postId, comment.authorId)) {
      notices.push({ kind: 'follow', about, to, commentId, content: () => followMail(site, comment, to.id) })
    }
  }
  await deliver(notices, now, trx)
}

/**
 * Gathers the digests that are due (a person's oldest waiting item is a day old) into one mail each,
 * grouped by post, leaving out what is no longer news (a held comment since moderated, a comment
 * since removed). Each digest is taken and written in one transaction, so two instances running
 * this at once write it once. Run by each instance's mail sender. Returns how many were written.
 */
export async function writeDueDigests(now: Date = new Date(), db: DB = getDb()): Promise<number> {
  let written = 0
  for (const userId of await listPeopleWithDigestDue(db, new Date(now.getTime() - DIGEST_EVERY_MS), 50)) {
    written += await inTransaction(db, async (trx) => {
      const items = await takeDigestItems(trx, userId)
      const to = items.length > 0 ? await findMailRecipient(trx, userId) : undefined
      if (!to) return 0
      const entries: DigestEntry[] = []
      for (const item of items) {
        const comment = await commentOf(item.commentId, trx)
        const stillNews =
          item.kind === 'held-comment'
            ? comment?.status === 'pending'
            : comment !== undefined && commentIsVisible(comment)
        if (comment && stillNews) entries.push({ kind: item.kind, comment, reason: holdReasonOf(item.reason) })
      }
      if (entries.length === 0) return 0
      const { title, language } = await getSiteSettings(trx)
      await insertOutgoingMails(trx, [
        mailOf('digest', `digest:${items[0].id}:${userId}`, to, digestMail({ title, language }, entries, to.id), now),
      ])
      return 1
    })
  }
  if (written) log().info({ event: 'mail.digests-written', count: written }, `${written} digest(s) written.`)
  return written
}
