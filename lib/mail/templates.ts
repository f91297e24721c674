import { renderCommentMarkdown } from '@/lib/markdown/render'
import { postPath, shortCommentPath } from '@/lib/paths'
import { absoluteUrl, linkOrigin } from '@/lib/public-address'
import { followTopic, oneClickUnsubscribeUrl, topicSentence, unsubscribePageUrl, type MailTopic } from './unsubscribe'

// Every email the blog writes, in one place: a plain-text and an HTML version, the site's name and
// address, the comment's text through the same sanitizer as on the page, links to the blog only,
// no images and no tracking. Notifications carry a one-click unsubscribe (RFC 8058).

export interface MailContent {
  subject: string
  textBody: string
  htmlBody: string
  headers: Record<string, string>
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** One comment in a mail: who wrote it and what it is to the reader, its text, and links under it. */
interface Entry {
  author: string
  /** What follows the author's name: "wrote:", "replied to your comment:"… */
  says: string
  body: string
  /** [label, path on the blog]. */
  links: [string, string][]
}

interface Letter {
  site: string
  subject: string
  /** Paragraphs before the comments. */
  intro: string[]
  /** The comments, in groups with an optional heading (a digest groups them by post). */
  groups: { heading?: string; entries: Entry[] }[]
  /** Notifications only: a mail the person asked for (a confirmation) has none. */
  unsubscribe?: { userId: string; topic: MailTopic }
}

const quote = (body: string) =>
  body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')

function write(letter: Letter): MailContent {
  const { site, subject, intro, groups, unsubscribe } = letter
  const stopPage = unsubscribe ? unsubscribePageUrl(unsubscribe.userId, unsubscribe.topic) : null
  const textBody = [
    ...intro,
    ...groups.flatMap((group) => [
      ...(group.heading ? ['', group.heading, '-'.repeat(Math.min(group.heading.length, 72))] : []),
      ...group.entries.flatMap((e) => ['', `${e.author} ${e.says}`, quote(e.body), '', ...e.links.map(([label, path]) => `${label}: ${absoluteUrl(path)}`)]),
    ]),
    '',
    '-- ',
    `${site} · ${linkOrigin()}`,
    ...(unsubscribe ? [`Stop ${topicSentence(unsubscribe.topic)}: ${stopPage}`] : []),
  ].join('\n')
  const entryHtml = (e: Entry) => `<p><strong>${escape(e.author)}</strong> ${escape(e.says)}</p>
<blockquote style="margin:0 0 1rem;padding:0 0 0 1rem;border-left:3px solid #ccc">${renderCommentMarkdown(e.body)}</blockquote>
<p>${e.links.map(([label, path]) => `<a href="${escape(absoluteUrl(path))}">${escape(label)}</a>`).join(' · ')}</p>`
  const htmlBody = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem;color:#1a1a1a">
${intro.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${groups.map((g) => `${g.heading ? `<h2 style="font-size:1.125rem">${escape(g.heading)}</h2>\n` : ''}${g.entries.map(entryHtml).join('\n')}`).join('\n')}
<hr style="border:0;border-top:1px solid #ddd">
<p style="font-size:0.875rem;color:#555">${escape(site)} · <a href="${escape(linkOrigin())}">${escape(linkOrigin())}</a>${unsubscribe ? `<br>
<a href="${escape(stopPage!)}">Stop ${escape(topicSentence(unsubscribe.topic))}</a>` : ''}</p>
</body></html>`
  return {
    subject,
    textBody,
    htmlBody,
    headers: unsubscribe
      ? {
          'List-Unsubscribe': `<${oneClickUnsubscribeUrl(unsubscribe.userId, unsubscribe.topic)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        }
      : { 'Auto-Submitted': 'auto-generated' },
  }
}

/** A letter about one comment: `intro`, then the comment as "<author> wrote:". */
const single = (letter: Omit<Letter, 'groups'> & { comment: { author: string; body: string }; links: [string, string][] }): MailContent => {
  const { comment, links, ...rest } = letter
  return write({ ...rest, groups: [{ entries: [{ author: comment.author, says: 'wrote:', body: comment.body, links }] }] })
}

export interface CommentForMail {
  id: number
  postId: number
  body: string
  authorName: string
  postTitle: string
  postSlug: string
}

// The links under a comment, by what the mail tells of it: the same in its own mail and in a digest.
// A moderator's each open the admin, where a button does it: a link never changes anything by itself.
const moderationLinks = (c: CommentForMail): [string, string][] => [
  ['Approve', `/admin/comments/${c.id}?confirm=approve`],
  ['Mark as spam', `/admin/comments/${c.id}?confirm=spam`],
  ['Open it', `/admin/comments/${c.id}`],
]
const readerLinks = (c: CommentForMail): [string, string][] => [
  ['Read it and answer', shortCommentPath(c.id)],
  ['The post', postPath(c.postSlug)],
]
const publishedLinks = (c: CommentForMail): [string, string][] => [['See it on the post', shortCommentPath(c.id)]]

/** To an editor or admin: a comment waits for moderation, and why. */
export function heldCommentMail(site: string, comment: CommentForMail, reason: string, recipientId: string): MailContent {
  return single({
    site,
    subject: `[${site}] A comment on “${comment.postTitle}” waits for you`,
    intro: [`A comment on “${comment.postTitle}” is held for moderation (${reason}).`],
    comment: { author: comment.authorName, body: comment.body },
    links: moderationLinks(comment),
    unsubscribe: { userId: recipientId, topic: 'held' },
  })
}

/** To a comment's author: someone replied to it. */
export function replyMail(site: string, reply: CommentForMail, recipientId: string): MailContent {
  return single({
    site,
    subject: `[${site}] ${reply.authorName} replied to your comment on “${reply.postTitle}”`,
    intro: [`${reply.authorName} replied to your comment on “${reply.postTitle}”.`],
    comment: { author: reply.authorName, body: reply.body },
    links: readerLinks(reply),
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/** To a follower of a post's conversation: a new comment on it. */
export function followMail(site: string, comment: CommentForMail, recipientId: string): MailContent {
  return single({
    site,
    subject: `[${site}] ${comment.authorName} commented on “${comment.postTitle}”`,
    intro: [`A new comment on “${comment.postTitle}”, the conversation you follow.`],
    comment: { author: comment.authorName, body: comment.body },
    links: readerLinks(comment),
    unsubscribe: { userId: recipientId, topic: followTopic(comment.postId) },
  })
}

/** To a comment's author: the comment they wrote, held at first, is now on the post. */
export function approvedMail(site: string, comment: CommentForMail, recipientId: string): MailContent {
  return single({
    site,
    subject: `[${site}] Your comment on “${comment.postTitle}” is published`,
    intro: [`A moderator approved your comment on “${comment.postTitle}”: everyone can read it now.`],
    comment: { author: comment.authorName, body: comment.body },
    links: publishedLinks(comment),
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/** To someone who wrote a comment before signing in: confirm the address, and it is posted. */
export function confirmCommentMail(site: string, comment: { name: string; body: string; postTitle: string }, confirmPath: string): MailContent {
  return single({
    site,
    subject: `[${site}] Confirm your comment on “${comment.postTitle}”`,
    intro: [
      `You wrote a comment on “${comment.postTitle}”. Confirm that this is your email address and it will be posted (and you will be signed in as ${comment.name}).`,
      'If you did not write it, ignore this mail: nothing is posted, and the comment is deleted in 7 days.',
    ],
    comment: { author: comment.name, body: comment.body },
    links: [['Confirm and post my comment', confirmPath]],
  })
}

/** One notification gathered into a digest. */
export interface DigestEntry {
  kind: 'held-comment' | 'reply' | 'follow' | 'approved'
  comment: CommentForMail
  /** Why a held comment waits. */
  reason: string | null
}

function digestEntry({ kind, comment, reason }: DigestEntry): Entry {
  const base = { author: comment.authorName, body: comment.body }
  if (kind === 'held-comment') return { ...base, says: `wrote, held for moderation (${reason ?? 'held'}):`, links: moderationLinks(comment) }
  if (kind === 'reply') return { ...base, says: 'replied to your comment:', links: readerLinks(comment) }
  if (kind === 'approved') return { ...base, says: 'wrote, now published after moderation:', links: publishedLinks(comment) }
  return { ...base, says: 'commented:', links: readerLinks(comment) }
}

/** A person's daily digest: every notification since the last, grouped by post in the order they came. */
export function digestMail(site: string, entries: DigestEntry[], recipientId: string): MailContent {
  const posts = new Map<number, { heading: string; entries: Entry[] }>()
  for (const e of entries) {
    const group = posts.get(e.comment.postId) ?? { heading: `On “${e.comment.postTitle}”`, entries: [] }
    group.entries.push(digestEntry(e))
    posts.set(e.comment.postId, group)
  }
  const count = entries.length === 1 ? 'one comment' : `${entries.length} comments`
  const where = posts.size === 1 ? `on “${entries[0].comment.postTitle}”` : `on ${posts.size} posts`
  return write({
    site,
    subject: `[${site}] Your daily digest: ${count} ${where}`,
    intro: [`What happened on ${site} since your last digest: ${count} ${where}.`],
    groups: [...posts.values()],
    unsubscribe: { userId: recipientId, topic: 'all' },
  })
}
