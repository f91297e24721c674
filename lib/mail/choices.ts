import type { DB } from '@/db'
import { refusal, type Result } from '@/lib/result'
import { siteTranslator } from '@/lib/i18n'
import { getDb } from '@/db'
import { findMailChoices, listFollowedPosts, setMailChoices, unfollowPost } from '@/db/queries/outgoing-mail'
import type { MailDelivery } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { can } from '@/lib/people/permissions'

export interface MailChoices {
  replies: boolean
  /** Null for people who do not moderate. */
  held: boolean | null
  /** Each notification as its own mail, or all of a day's in one digest. */
  delivery: MailDelivery
  /** The mail server refused this person's address: nothing is sent to it. */
  bounced: boolean
  /** The posts whose conversation they follow. */
  following: { id: number; slug: string; title: string }[]
}

/** What the signed-in person hears about by email, for their profile. Signed-in people only (null otherwise). */
export async function loadMailChoices(viewer: Viewer | null, db: DB = getDb()): Promise<MailChoices | null> {
  if (!viewer) return null
  const row = await findMailChoices(db, viewer.id)
  if (!row) return null
  return {
    replies: row.notifyReplies === 'each',
    held: can(viewer, 'comments.moderate') ? row.notifyHeld === 'each' : null,
    delivery: row.mailDelivery,
    bounced: row.emailBouncedAt !== null,
    following: await listFollowedPosts(db, viewer.id),
  }
}

/** Saves the profile's email choices (ticked: mail about it; not: none) and how they come (each, or a daily digest). Signed-in people only. */
export async function saveMailChoices(
  viewer: Viewer | null,
  values: Record<string, string>,
  db: DB = getDb(),
): Promise<Result> {
  const t = await siteTranslator('errors.account', db)
  if (!viewer) return refusal(t('signInForEmails'))
  if (values.delivery !== 'each' && values.delivery !== 'daily') return refusal(t('chooseDelivery'))
  await setMailChoices(db, viewer.id, {
    notifyReplies: values.replies === 'on' ? 'each' : 'off',
    ...(can(viewer, 'comments.moderate') ? { notifyHeld: values.held === 'on' ? 'each' : 'off' } : {}),
    mailDelivery: values.delivery,
  })
  return { ok: true }
}

/** Stops following a post's conversation, from the profile. Signed-in people only. */
export async function stopFollowing(viewer: Viewer | null, postId: number | null, db: DB = getDb()): Promise<Result> {
  if (!viewer) return refusal((await siteTranslator('errors.account', db))('signInForEmails'))
  if (postId !== null) await unfollowPost(db, viewer.id, postId)
  return { ok: true }
}
