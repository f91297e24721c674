import { createHmac, timingSafeEqual } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { setMailChoice } from '@/db/queries/outgoing-mail'
import { absoluteUrl } from '@/lib/public-address'

// Unsubscribe links: signed with the blog's secret, so they work without a session (one click from
// the mail client, RFC 8058, or the visible link) and nobody can make one for someone else.

export const MAIL_TOPICS = { replies: 'notifyReplies', held: 'notifyHeld' } as const
export type MailTopic = keyof typeof MAIL_TOPICS

export const TOPIC_SENTENCES: Record<MailTopic, string> = {
  replies: 'emails when someone replies to your comments',
  held: 'emails about comments waiting for moderation',
}

function signature(userId: string, topic: MailTopic): string {
  const secret = process.env.AUTH_SECRET
  if (!secret) throw new Error('AUTH_SECRET is not set; the server sets it at start-up.')
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${topic}`).digest('base64url')
}

const query = (userId: string, topic: MailTopic) => `u=${encodeURIComponent(userId)}&topic=${topic}&sig=${signature(userId, topic)}`

/** The page a person opens from the mail's visible link: it says what stops and asks once. */
export const unsubscribePageUrl = (userId: string, topic: MailTopic) => absoluteUrl(`/unsubscribe?${query(userId, topic)}`)

/** The List-Unsubscribe address: a POST there stops the mail at once (RFC 8058). */
export const oneClickUnsubscribeUrl = (userId: string, topic: MailTopic) => absoluteUrl(`/api/unsubscribe?${query(userId, topic)}`)

export interface UnsubscribeLink {
  userId: string
  topic: MailTopic
}

/** The link's person and topic if it was signed here; else null (forged, cut short or changed). */
export function readUnsubscribeLink(params: { u?: unknown; topic?: unknown; sig?: unknown }): UnsubscribeLink | null {
  const { u, topic, sig } = params
  if (typeof u !== 'string' || typeof sig !== 'string' || typeof topic !== 'string' || !(topic in MAIL_TOPICS) || u.length > 100) return null
  const expected = Buffer.from(signature(u, topic as MailTopic))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { userId: u, topic: topic as MailTopic }
}

/** Stops the link's kind of mail for its person. Anyone holding a signed link may; a forged one changes nothing (false). */
export async function unsubscribe(params: { u?: unknown; topic?: unknown; sig?: unknown }, db: DB = getDb()): Promise<UnsubscribeLink | null> {
  const link = readUnsubscribeLink(params)
  if (link) await setMailChoice(link.userId, MAIL_TOPICS[link.topic], 'off', db)
  return link
}
