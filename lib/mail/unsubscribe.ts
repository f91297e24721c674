import type { DB } from '@/db'
import { getDb } from '@/db'
import { setMailChoices, stopAllMail, unfollowPost } from '@/db/queries/outgoing-mail'
import { absoluteUrl } from '@/lib/public-address'
import { type Language, translator } from '@/lib/i18n'
import { isSigned, sign } from '@/lib/signing'

// Unsubscribe links: signed with the blog's secret, so they work without a session (one click from
// the mail client, RFC 8058, or the visible link) and nobody can make one for someone else.

/** What a link stops: replies to your comments, held comments (moderators), one post's conversation, or all of it (the digest's link). */
export type MailTopic = 'replies' | 'held' | 'all' | `follow-${number}`

const FOLLOW = /^follow-([1-9]\d{0,11})$/
export const isMailTopic = (topic: unknown): topic is MailTopic =>
  topic === 'replies' || topic === 'held' || topic === 'all' || (typeof topic === 'string' && FOLLOW.test(topic))
export const followTopic = (postId: number): MailTopic => `follow-${postId}`

/** Which emails a topic is, as the catalog names them ("emails about your comments…"). */
export function topicSentence(topic: MailTopic, language: Language): string {
  const t = translator(language, 'unsubscribe.topics')
  return topic.startsWith('follow-') ? t('follow') : t(topic as 'replies' | 'held' | 'all')
}

const query = (userId: string, topic: MailTopic) =>
  `u=${encodeURIComponent(userId)}&topic=${topic}&sig=${sign('unsubscribe', `${userId}:${topic}`)}`

/** The page a person opens from the mail's visible link: it says what stops and asks once. */
export const unsubscribePageUrl = (userId: string, topic: MailTopic) =>
  absoluteUrl(`/unsubscribe?${query(userId, topic)}`)

/** The List-Unsubscribe address: a POST there stops the mail at once (RFC 8058). */
export const oneClickUnsubscribeUrl = (userId: string, topic: MailTopic) =>
  absoluteUrl(`/api/unsubscribe?${query(userId, topic)}`)

export interface UnsubscribeLink {
  userId: string
  topic: MailTopic
}

/** The link's person and topic if it was signed here; else null (forged, cut short or changed). */
export function readUnsubscribeLink(params: { u?: unknown; topic?: unknown; sig?: unknown }): UnsubscribeLink | null {
  const { u, topic, sig } = params
  if (typeof u !== 'string' || !isMailTopic(topic) || u.length > 100 || !isSigned('unsubscribe', `${u}:${topic}`, sig))
    return null
  return { userId: u, topic }
}

/** Stops the link's kind of mail for its person. Anyone holding a signed link may; a forged one changes nothing (false). */
export async function unsubscribe(
  params: { u?: unknown; topic?: unknown; sig?: unknown },
  db: DB = getDb(),
): Promise<UnsubscribeLink | null> {
  const link = readUnsubscribeLink(params)
  if (!link) return null
  const follow = FOLLOW.exec(link.topic)
  if (follow) await unfollowPost(db, link.userId, Number(follow[1]))
  else if (link.topic === 'all') await stopAllMail(db, link.userId)
  else await setMailChoices(db, link.userId, link.topic === 'held' ? { notifyHeld: 'off' } : { notifyReplies: 'off' })
  return link
}
