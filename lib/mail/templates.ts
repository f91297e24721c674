import { shownCommentHtml } from '@/lib/markdown/stored'
import { postPath, shortCommentPath } from '@/lib/paths'
import { absoluteUrl, linkOrigin } from '@/lib/public-address'
import { followTopic, oneClickUnsubscribeUrl, topicSentence, unsubscribePageUrl, type MailTopic } from './unsubscribe'
import { directionOf, type Language, translator } from '@/lib/i18n'
import type { HoldReason } from '@/db/types'

// Every email the blog writes, in one place: a plain-text and an HTML version, the site's name and
// address, the comment's text as its page shows it (the HTML stored when it was written), links to
// the blog only, no images and no tracking. A mail to an address nobody has confirmed yet (a comment
// written before signing in) carries nothing a stranger wrote: no name, no text, no link of theirs. Notifications carry a one-click unsubscribe (RFC 8058). Written in the
// site's language (the catalog's mail area).

/** The blog a mail comes from: its name, and the language its mails are written in. */
export interface MailSite {
  title: string
  language: Language
}

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
  /** The body as its page shows it (stored when it was written). */
  html: string
  /** [label, path on the blog]. */
  links: [string, string][]
}

interface Letter {
  site: MailSite
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

/** Every mail's HTML: in the site's language and direction, `body`, then the blog's name and address (and `footerExtra`). */
function htmlLetter(site: MailSite, subject: string, body: string, footerExtra = ''): string {
  return `<!doctype html><html lang="${site.language}" dir="${directionOf(site.language)}"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem;color:#1a1a1a">
${body}
<hr style="border:0;border-top:1px solid #ddd">
<p style="font-size:0.875rem;color:#555">${escape(site.title)} · <a href="${escape(linkOrigin())}">${escape(linkOrigin())}</a>${footerExtra}</p>
</body></html>`
}

function write(letter: Letter): MailContent {
  const { site, subject, intro, groups, unsubscribe } = letter
  const t = translator(site.language, 'mail')
  const stop = unsubscribe ? t('stop', { emails: topicSentence(unsubscribe.topic, site.language) }) : ''
  const stopPage = unsubscribe ? unsubscribePageUrl(unsubscribe.userId, unsubscribe.topic) : null
  const textBody = [
    ...intro,
    ...groups.flatMap((group) => [
      ...(group.heading ? ['', group.heading, '-'.repeat(Math.min(group.heading.length, 72))] : []),
      ...group.entries.flatMap((e) => [
        '',
        `${e.author} ${e.says}`,
        quote(e.body),
        '',
        ...e.links.map(([label, path]) => `${label}: ${absoluteUrl(path)}`),
      ]),
    ]),
    '',
    '-- ',
    `${site.title} · ${linkOrigin()}`,
    ...(unsubscribe ? [`${stop}: ${stopPage}`] : []),
  ].join('\n')
  const entryHtml = (e: Entry) => `<p><strong>${escape(e.author)}</strong> ${escape(e.says)}</p>
<blockquote style="margin:0 0 1rem;padding:0;padding-inline-start:1rem;border-inline-start:3px solid #ccc">${e.html}</blockquote>
<p>${e.links.map(([label, path]) => `<a href="${escape(absoluteUrl(path))}">${escape(label)}</a>`).join(' · ')}</p>`
  const htmlBody = htmlLetter(
    site,
    subject,
    `${intro.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${groups.map((g) => `${g.heading ? `<h2 style="font-size:1.125rem">${escape(g.heading)}</h2>\n` : ''}${g.entries.map(entryHtml).join('\n')}`).join('\n')}`,
    unsubscribe ? `<br>\n<a href="${escape(stopPage!)}">${escape(stop)}</a>` : '',
  )
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
const single = (
  letter: Omit<Letter, 'groups'> & { comment: CommentForMail; links: [string, string][] },
): MailContent => {
  const { comment, links, ...rest } = letter
  const entry = {
    author: comment.authorName,
    says: translator(rest.site.language, 'mail')('says.wrote'),
    body: comment.body,
    html: shownCommentHtml(comment),
    links,
  }
  return write({ ...rest, groups: [{ entries: [entry] }] })
}

export interface CommentForMail {
  id: number
  postId: number
  body: string
  html: string | null
  authorName: string
  postTitle: string
  postSlug: string
}

// The links under a comment, by what the mail tells of it: the same in its own mail and in a digest.
// A moderator's each open the admin, where a button does it: a link never changes anything by itself.
type Links = (c: CommentForMail, site: MailSite) => [string, string][]
const linkWords = (site: MailSite) => translator(site.language, 'mail.links')
const moderationLinks: Links = (c, site) => [
  [linkWords(site)('approve'), `/admin/comments/${c.id}?confirm=approve`],
  [linkWords(site)('spam'), `/admin/comments/${c.id}?confirm=spam`],
  [linkWords(site)('open'), `/admin/comments/${c.id}`],
]
const readerLinks: Links = (c, site) => [
  [linkWords(site)('readAndAnswer'), shortCommentPath(c.id)],
  [linkWords(site)('post'), postPath(c.postSlug)],
]
const publishedLinks: Links = (c, site) => [[linkWords(site)('seeIt'), shortCommentPath(c.id)]]

/** Why a comment waits, in the site's language (a phrase from before reasons were kept as rules: as it is). */
function holdReasonText(language: MailSite['language'], reason: HoldReason | string | null): string {
  const t = translator(language, 'mail.reasons')
  if (reason === null) return t('held')
  if (typeof reason === 'string') return reason
  if (reason.rule === 'moderationWord') return t('moderationWord', { word: reason.word })
  if (reason.rule === 'links') return t('links', { limit: reason.limit })
  return t('firstComment')
}

/** To an editor or admin: a comment waits for moderation, and why. */
export function heldCommentMail(
  site: MailSite,
  comment: CommentForMail,
  reason: HoldReason,
  recipientId: string,
): MailContent {
  const t = translator(site.language, 'mail.held')
  const names = { site: site.title, post: comment.postTitle, reason: holdReasonText(site.language, reason) }
  return single({
    site,
    subject: t('subject', names),
    intro: [t('intro', names)],
    comment,
    links: moderationLinks(comment, site),
    unsubscribe: { userId: recipientId, topic: 'held' },
  })
}

/** To a comment's author: someone replied to it. */
export function replyMail(site: MailSite, reply: CommentForMail, recipientId: string): MailContent {
  const t = translator(site.language, 'mail.reply')
  const names = { site: site.title, post: reply.postTitle, author: reply.authorName }
  return single({
    site,
    subject: t('subject', names),
    intro: [t('intro', names)],
    comment: reply,
    links: readerLinks(reply, site),
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/** To a follower of a post's conversation: a new comment on it. */
export function followMail(site: MailSite, comment: CommentForMail, recipientId: string): MailContent {
  const t = translator(site.language, 'mail.follow')
  const names = { site: site.title, post: comment.postTitle, author: comment.authorName }
  return single({
    site,
    subject: t('subject', names),
    intro: [t('intro', names)],
    comment,
    links: readerLinks(comment, site),
    unsubscribe: { userId: recipientId, topic: followTopic(comment.postId) },
  })
}

/** To a comment's author: the comment they wrote, held at first, is now on the post. */
export function approvedMail(site: MailSite, comment: CommentForMail, recipientId: string): MailContent {
  const t = translator(site.language, 'mail.approved')
  const names = { site: site.title, post: comment.postTitle }
  return single({
    site,
    subject: t('subject', names),
    intro: [t('intro', names)],
    comment,
    links: publishedLinks(comment, site),
    unsubscribe: { userId: recipientId, topic: 'replies' },
  })
}

/**
 * To someone who wrote a comment before signing in: confirm the address, and it is posted. Anyone can
 * type anyone's address, so it says nothing of what they typed (only the blog's own post title and
 * link): the blog cannot be made to carry a stranger's words to an inbox.
 */
export function confirmCommentMail(site: MailSite, post: { title: string }, confirmPath: string): MailContent {
  const t = translator(site.language, 'mail.confirm')
  const names = { site: site.title, post: post.title }
  const url = absoluteUrl(confirmPath)
  return {
    subject: t('subject', names),
    textBody: [
      t('intro', names),
      '',
      `${t('link')}: ${url}`,
      '',
      t('notYou'),
      '',
      '-- ',
      `${site.title} · ${linkOrigin()}`,
    ].join('\n'),
    htmlBody: htmlLetter(
      site,
      t('subject', names),
      `<p>${escape(t('intro', names))}</p>
<p><a href="${escape(url)}">${escape(t('link'))}</a></p>
<p>${escape(t('notYou'))}</p>`,
    ),
    headers: { 'Auto-Submitted': 'auto-generated' },
  }
}

/** One notification gathered into a digest. */
export interface DigestEntry {
  kind: 'held-comment' | 'reply' | 'follow' | 'approved'
  comment: CommentForMail
  /** Why a held comment waits. */
  reason: HoldReason | string | null
}

function digestEntry({ kind, comment, reason }: DigestEntry, site: MailSite): Entry {
  const base = { author: comment.authorName, body: comment.body, html: shownCommentHtml(comment) }
  const t = translator(site.language, 'mail.says')
  if (kind === 'held-comment')
    return {
      ...base,
      says: t('held', { reason: holdReasonText(site.language, reason) }),
      links: moderationLinks(comment, site),
    }
  if (kind === 'reply') return { ...base, says: t('replied'), links: readerLinks(comment, site) }
  if (kind === 'approved') return { ...base, says: t('approved'), links: publishedLinks(comment, site) }
  return { ...base, says: t('commented'), links: readerLinks(comment, site) }
}

/** A person's daily digest: every notification since the last, grouped by post in the order they came. */
export function digestMail(site: MailSite, entries: DigestEntry[], recipientId: string): MailContent {
  const t = translator(site.language, 'mail.digest')
  const posts = new Map<number, { heading: string; entries: Entry[] }>()
  for (const e of entries) {
    const group = posts.get(e.comment.postId) ?? { heading: t('heading', { post: e.comment.postTitle }), entries: [] }
    group.entries.push(digestEntry(e, site))
    posts.set(e.comment.postId, group)
  }
  const summary =
    posts.size === 1
      ? t('summaryOnePost', { count: entries.length, post: entries[0].comment.postTitle })
      : t('summaryPosts', { count: entries.length, posts: posts.size })
  return write({
    site,
    subject: t('subject', { site: site.title, summary }),
    intro: [t('intro', { site: site.title, summary })],
    groups: [...posts.values()],
    unsubscribe: { userId: recipientId, topic: 'all' },
  })
}

/** A sign-in link, asked for on the sign-in page (Auth.js sends it at once: lib/auth/config.ts). */
export function signInMail(site: MailSite, url: string): Pick<MailContent, 'subject' | 'textBody' | 'htmlBody'> {
  const t = translator(site.language, 'mail.signIn')
  const names = { site: site.title }
  return {
    subject: t('subject', names),
    // The link on a line of its own: mail programs make it clickable whole.
    textBody: [t('intro', names), url, '', t('expires'), '', '-- ', `${site.title} · ${linkOrigin()}`].join('\n'),
    htmlBody: htmlLetter(
      site,
      t('subject', names),
      `<p>${escape(t('intro', names))}</p>
<p><a href="${escape(url)}" style="display:inline-block;padding:0.5rem 1rem;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escape(t('button', names))}</a></p>
<p style="word-break:break-all;font-size:0.875rem">${escape(url)}</p>
<p>${escape(t('expires'))}</p>`,
    ),
  }
}
