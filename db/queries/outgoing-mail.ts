import { PostgresAdapter, type ExpressionBuilder, type Insertable, type Kysely, type Selectable } from 'kysely'
import { inTransaction } from '..'
import type { Database, DigestItemTable, MailChoice, MailDelivery, OutgoingMailTable, Role } from '../types'
import { commentAuthorName, commentsWithPostAndAuthor } from './comments'

export type OutgoingMail = Selectable<OutgoingMailTable>
export type NewOutgoingMail = Omit<Insertable<OutgoingMailTable>, 'id' | 'status' | 'attempts' | 'createdAt'>

/** Writes mails to send; one already written for the same reason and person (its dedupeKey) is left as it is. */
export async function insertOutgoingMails(db: Kysely<Database>, mails: NewOutgoingMail[]): Promise<void> {
  if (mails.length === 0) return
  await db
    .insertInto('outgoingMail')
    .values(mails)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute()
}

/**
 * Claims up to `limit` mails due now for `claimer`: pending ones whose time has come, and ones a
 * sender claimed before `abandonedBefore` and never finished (it stopped mid-send). On PostgreSQL
 * rows another sender is claiming are skipped (FOR UPDATE SKIP LOCKED); on SQLite the one
 * statement is the claim. Each claimed mail counts one attempt more.
 */
export async function claimDueMails(
  db: Kysely<Database>,
  claimer: string,
  now: Date,
  abandonedBefore: Date,
  limit: number,
): Promise<OutgoingMail[]> {
  let due = db
    .selectFrom('outgoingMail')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimedAt', '<', abandonedBefore)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
  if (db.getExecutor().adapter instanceof PostgresAdapter) due = due.forUpdate().skipLocked()
  return db
    .updateTable('outgoingMail')
    .set((eb) => ({ status: 'sending', claimedBy: claimer, claimedAt: now, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
}

/** The mail went out. */
export async function markMailSent(db: Kysely<Database>, id: number, claimer: string, now: Date): Promise<void> {
  await db
    .updateTable('outgoingMail')
    .set({ status: 'sent', sentAt: now, lastError: null })
    .where('id', '=', id)
    .where('claimedBy', '=', claimer)
    .execute()
}

/** The mail could not go out this time: try again at `retryAt`. */
export async function markMailForRetry(
  db: Kysely<Database>,
  id: number,
  claimer: string,
  retryAt: Date,
  error: string,
): Promise<void> {
  await db
    .updateTable('outgoingMail')
    .set({
      status: 'pending',
      nextAttemptAt: retryAt,
      claimedBy: null,
      claimedAt: null,
      lastError: error.slice(0, 500),
    })
    .where('id', '=', id)
    .where('claimedBy', '=', claimer)
    .execute()
}

/** The mail server refused the address for good: this mail fails, later ones to it are not sent, and its owner is marked bounced. */
export async function markMailBounced(
  db: Kysely<Database>,
  mail: OutgoingMail,
  claimer: string,
  error: string,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('outgoingMail')
      .set({ status: 'failed', lastError: error.slice(0, 500) })
      .where('id', '=', mail.id)
      .where('claimedBy', '=', claimer)
      .execute()
    await trx
      .updateTable('outgoingMail')
      .set({ status: 'failed', lastError: 'The address bounced earlier.' })
      .where('toAddress', '=', mail.toAddress)
      .where('status', '=', 'pending')
      .execute()
    await trx.updateTable('User').set({ emailBouncedAt: now }).where('email', '=', mail.toAddress).execute()
  })
}

/** The newest mails, for the admin's "Outgoing mail" page. */
export async function listOutgoingMails(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('outgoingMail')
    .select([
      'id',
      'toAddress',
      'kind',
      'subject',
      'textBody',
      'status',
      'attempts',
      'nextAttemptAt',
      'lastError',
      'sentAt',
      'createdAt',
    ])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The one rule for who may be mailed at all: an account not banned or deleted, with an address that works. */
function mayBeMailed(eb: ExpressionBuilder<Database, 'User'>) {
  return eb.and([
    eb('User.bannedAt', 'is', null),
    eb('User.deletedAt', 'is', null),
    eb('User.emailBouncedAt', 'is', null),
    eb('User.email', 'is not', null),
  ])
}

export interface MailRecipient {
  id: string
  email: string
  name: string | null
  /** Each notification as its own mail, or in their daily digest. */
  delivery: MailDelivery
}

/** Editors and admins who want a mail for each held comment (not banned, with an address that works), but `except`. */
export async function listModeratorsToTell(
  db: Kysely<Database>,
  except: string | null,
  roles: readonly Role[],
): Promise<MailRecipient[]> {
  let query = db
    .selectFrom('User')
    .select(['id', 'email', 'name', 'mailDelivery as delivery'])
    .where('role', 'in', [...roles])
    .where('notifyHeld', '=', 'each')
    .where(mayBeMailed)
  if (except) query = query.where('id', '!=', except)
  return (await query.orderBy('id').execute()) as MailRecipient[]
}

/** The author of a comment, if they have an account that wants reply mail (not banned, address working). */
export async function findReplyRecipient(db: Kysely<Database>, commentId: number): Promise<MailRecipient | undefined> {
  const row = await db
    .selectFrom('comment')
    .innerJoin('User', 'User.id', 'comment.authorId')
    .select(['User.id', 'User.email', 'User.name', 'User.mailDelivery as delivery'])
    .where('comment.id', '=', commentId)
    .where('comment.deletedAt', 'is', null)
    .where('User.notifyReplies', '=', 'each')
    .where(mayBeMailed)
    .executeTakeFirst()
  return row as MailRecipient | undefined
}

/** Sets what a person wants to hear about, and how (each mail or a daily digest). */
export async function setMailChoices(
  db: Kysely<Database>,
  userId: string,
  choices: { notifyReplies?: MailChoice; notifyHeld?: MailChoice; mailDelivery?: MailDelivery },
): Promise<void> {
  if (Object.keys(choices).length === 0) return
  await db.updateTable('User').set(choices).where('id', '=', userId).execute()
}

/** Stops every notification to a person: replies, held comments, and every conversation they follow. */
export async function stopAllMail(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('User').set({ notifyReplies: 'off', notifyHeld: 'off' }).where('id', '=', userId).execute()
  await db.deleteFrom('postFollow').where('userId', '=', userId).execute()
}

/** What a person hears about and how, and whether their address bounced. */
export async function findMailChoices(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('User')
    .select(['notifyReplies', 'notifyHeld', 'mailDelivery', 'emailBouncedAt'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export type NewDigestItem = Omit<Insertable<DigestItemTable>, 'id'>
export type DigestItem = Selectable<DigestItemTable>

/** Keeps notifications for their people's next digest; one already kept for the same reason and person (its dedupeKey) is left as it is. */
export async function insertDigestItems(db: Kysely<Database>, items: NewDigestItem[]): Promise<void> {
  if (items.length === 0) return
  await db
    .insertInto('digestItem')
    .values(items)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute()
}

/** Up to `limit` people whose oldest waiting item was kept at or before `dueBefore`. */
export async function listPeopleWithDigestDue(db: Kysely<Database>, dueBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('digestItem')
    .select('userId')
    .groupBy('userId')
    .having((eb) => eb.fn.min('createdAt'), '<=', dueBefore)
    .orderBy('userId')
    .limit(limit)
    .execute()
  return rows.map((r) => r.userId)
}

/**
 * Takes (deletes and returns) every item waiting for a person's digest. Run inside the transaction
 * that writes the digest: of two senders taking the same items, the second finds none.
 */
export async function takeDigestItems(db: Kysely<Database>, userId: string): Promise<DigestItem[]> {
  const items = await db.deleteFrom('digestItem').where('userId', '=', userId).returningAll().execute()
  return items.sort((a, b) => a.id - b.id)
}

/** A person who may be mailed (not banned or deleted, address working), for their digest. */
export async function findMailRecipient(db: Kysely<Database>, userId: string): Promise<MailRecipient | undefined> {
  const row = await db
    .selectFrom('User')
    .select(['User.id', 'User.email', 'User.name', 'User.mailDelivery as delivery'])
    .where('User.id', '=', userId)
    .where(mayBeMailed)
    .executeTakeFirst()
  return row as MailRecipient | undefined
}

/** A comment as a notification tells of it: its text, author, status, parent and post. */
export async function findCommentForMail(db: Kysely<Database>, id: number) {
  return commentsWithPostAndAuthor(db)
    .select((eb) => [
      'comment.id',
      'comment.body',
      'comment.html',
      'comment.status',
      'comment.parentId',
      'comment.authorId',
      'comment.deletedAt',
      commentAuthorName(eb).as('authorName'),
      'post.id as postId',
      'post.slug as postSlug',
      'post.title as postTitle',
    ])
    .where('comment.id', '=', id)
    .executeTakeFirst()
}

/** Follows a post's conversation (again: nothing changes). */
export async function followPost(db: Kysely<Database>, userId: string, postId: number, now: Date): Promise<void> {
  await db
    .insertInto('postFollow')
    .values({ userId, postId, createdAt: now })
    .onConflict((oc) => oc.columns(['userId', 'postId']).doNothing())
    .execute()
}

/** Stops following a post's conversation. */
export async function unfollowPost(db: Kysely<Database>, userId: string, postId: number): Promise<void> {
  await db.deleteFrom('postFollow').where('userId', '=', userId).where('postId', '=', postId).execute()
}

/** Who follows a post and may be mailed (not banned, address working), but `except`. */
export async function listFollowersToTell(
  db: Kysely<Database>,
  postId: number,
  except: string | null,
): Promise<MailRecipient[]> {
  let query = db
    .selectFrom('postFollow')
    .innerJoin('User', 'User.id', 'postFollow.userId')
    .select(['User.id', 'User.email', 'User.name', 'User.mailDelivery as delivery'])
    .where('postFollow.postId', '=', postId)
    .where(mayBeMailed)
  if (except) query = query.where('User.id', '!=', except)
  return (await query.orderBy('User.id').execute()) as MailRecipient[]
}

/** The posts a person follows, for their profile. */
export async function listFollowedPosts(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('postFollow')
    .innerJoin('post', 'post.id', 'postFollow.postId')
    .select(['post.id', 'post.slug', 'post.title'])
    .where('postFollow.userId', '=', userId)
    .orderBy('postFollow.createdAt', 'desc')
    .execute()
}

/** The author of a comment who wants mail about their comments, if any (for "your comment was approved"). */
export const findCommentAuthorToTell = findReplyRecipient
