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

interface Letter {
  site: string
  subject: string
  /** Paragraphs before the comment. */
  intro: string[]
  comment: { author: string; body: string }
  /** The links under the comment: [label, path on the blog]. */
  links: [string, string][]
  /** Notifications only: a mail the person asked for (a confirmation) has none. */
  unsubscribe?: { userId: string; topic: MailTopic }
}

function write(letter: Letter): MailContent {
  const { site, subject, intro, comment, links, unsubscribe } = letter
  const stopPage = unsubscribe ? unsubscribePageUrl(unsubscribe.userId, unsubscribe.topic) : null
  const quoted = comment.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
  const textBody = [
    ...intro,
    '',
    `${comment.author} wrote:`,
    quoted,
    '',
    ...links.map(([label, path]) => `${label}: ${absoluteUrl(path)}`),
    '',
    '-- ',
    `${site} · ${linkOrigin()}`,
    ...(unsubscribe ? [`Stop ${topicSentence(unsubscribe.topic)}: ${stopPage}`] : []),
  ].join('\n')
  const htmlBody = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem;color:#1a1a1a">
${intro.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><strong>${escape(comment.author)}</strong> wrote:</p>
<blockquote style="margin:0 0 1rem;padding:0 0 0 1rem;border-left:3px solid #ccc">${renderCommentMarkdown(comment.body)}</blockquote>
<p>${links.map(([label, path]) => `<a href="${escape(absoluteUrl(path))}">${escape(label)}</a>`).join(' · ')}</p>
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

export interface CommentForMail {
  id: number
  postId: number
  body: string
  authorName: string
  postTitle: string
  postSlug: string
}

/** To an editor or admin: a comment waits for moderation, and why. */
export function heldCommentMail(site: string, comment: CommentForMail, reason: string, recipientId: string): MailContent {
  return write({
    site,
    subject: `[${site}] A comment on “${comment.postTitle}” waits for you`,
    intro: [`A comment on “${comment.postTitle}” is held for moderation (${reason}).`],
    comment: { author: comment.authorName, body: comment.body },
    // Each opens the admin, where a button does it: a link never changes anything by itself.
    links: [
      ['Approve', `/admin/comments/${comment.id}?confirm=approve`],
      ['Mark as spam', `/admin/comments/${comment.id}?confirm=spam`],
      ['Open it', `/admin/comments/${comment.id}`],
    ],
    unsubscribe: { userId: recipientId, topic: 'held' },
  })
}

/** To a comment's author: someone replied to it. */
export function replyMail(site: string, reply: CommentForMail, recipientId: string): MailContent {
  return write({
    site,
    subject: `[${site}] ${reply.authorName} replied to your comment on “${reply.postTitle}”`,
    intro: [`${reply.authorName} replied to your comment on “${reply.postTitle}”.`],
    comment: { author: reply.authorName, body: reply.body },
    links: [
      ['Read it and answer', shortCommentPath(reply.id)],
      ['The post', postPath(reply.postSlug)],
    ],
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/** To a follower of a post's conversation: a new comment on it. */
export function followMail(site: string, comment: CommentForMail, recipientId: string): MailContent {
  return write({
    site,
    subject: `[${site}] ${comment.authorName} commented on “${comment.postTitle}”`,
    intro: [`A new comment on “${comment.postTitle}”, the conversation you follow.`],
    comment: { author: comment.authorName, body: comment.body },
    links: [
      ['Read it and answer', shortCommentPath(comment.id)],
      ['The post', postPath(comment.postSlug)],
    ],
    unsubscribe: { userId: recipientId, topic: followTopic(comment.postId) },
  })
}

/** To a comment's author: the comment they wrote, held at first, is now on the post. */
export function approvedMail(site: string, comment: CommentForMail, recipientId: string): MailContent {
  return write({
    site,
    subject: `[${site}] Your comment on “${comment.postTitle}” is published`,
    intro: [`A moderator approved your comment on “${comment.postTitle}”: everyone can read it now.`],
    comment: { author: comment.authorName, body: comment.body },
    links: [['See it on the post', shortCommentPath(comment.id)]],
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/** To someone who wrote a comment before signing in: confirm the address, and it is posted. */
export function confirmCommentMail(site: string, comment: { name: string; body: string; postTitle: string }, confirmPath: string): MailContent {
  return write({
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
