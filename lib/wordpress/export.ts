import type { DB } from '@/db'
import { getDb } from '@/db'
import { listExportAuthors, listExportPosts, listExportTags } from '@/db/queries/exports'
import type { CommentStatus, PostStatus } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { pathOfKind } from '@/lib/paths'
import { shownCommentHtml, shownPostHtml } from '@/lib/markdown/stored'
import { getSiteSettings } from '@/lib/settings'
import { toLocalInput } from '@/lib/dates'

/*
 * The whole blog as a WordPress export (WXR 1.2) that WordPress's own importer accepts: authors,
 * tags, posts, pages and comments with their threads. Bodies go out as HTML (what WordPress
 * expects), each with its Markdown source in a `_plateau_markdown` post meta that WordPress keeps
 * and ignores and Plateau's importer reads back, so a round trip gives back the very same text.
 * Written a batch of posts at a time: memory stays flat however big the blog.
 */

export const MARKDOWN_META = '_plateau_markdown'
export const FEATURED_META = '_plateau_featured_image'
const BATCH = 100

const WP_STATUS: Record<PostStatus, string> = {
  published: 'publish',
  scheduled: 'future',
  draft: 'draft',
  trash: 'trash',
}
const WP_APPROVED: Record<CommentStatus, string> = { approved: '1', pending: '0', spam: 'spam', trash: 'trash' }

/** CDATA that survives any text, "]]>" included (split across two sections, as WordPress does). */
const cdata = (text: string | null | undefined) => `<![CDATA[${(text ?? '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const escape = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)
/** WordPress's date format, "2024-06-05 16:04:48", in UTC (its *_gmt fields). */
const wpDate = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace('T', ' ') : '0000-00-00 00:00:00')
/** The same on the site's clock (WordPress's local fields, which its importer and permalinks use). */
const wpLocalDate = (date: Date | null, timeZone: string) =>
  date ? toLocalInput(date, timeZone).replace('T', ' ') : '0000-00-00 00:00:00'

/** Writes the export through `write`; admins (or 'command-line'). Returns how many items were written. */
export async function exportWordPress(
  viewer: Viewer | null | 'command-line',
  write: (chunk: string) => void | Promise<void>,
  options: { origin: string; db?: DB; now?: Date },
): Promise<number> {
  if (viewer !== 'command-line') requireCapability(viewer, 'settings.manage')
  const { origin, db = getDb(), now = new Date() } = options
  const site = await getSiteSettings(db)
  const authors = await listExportAuthors(db)
  const login = new Map(authors.map((a, i) => [a.id, { login: a.slug || `user-${i + 1}`, number: i + 1 }]))

  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- A WordPress eXtended RSS (WXR) export of ${escape(site.title)}, made by Plateau. -->
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>${escape(site.title)}</title>
  <link>${escape(origin)}</link>
  <description>${escape(site.tagline)}</description>
  <pubDate>${now.toUTCString()}</pubDate>
  <language>en</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>${escape(origin)}</wp:base_site_url>
  <wp:base_blog_url>${escape(origin)}</wp:base_blog_url>
`)
  for (const author of authors) {
    const who = login.get(author.id)!
    await write(
      `  <wp:author><wp:author_id>${who.number}</wp:author_id><wp:author_login>${cdata(who.login)}</wp:author_login><wp:author_email>${cdata(author.email)}</wp:author_email><wp:author_display_name>${cdata(author.name ?? who.login)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
    )
  }
  for (const tag of await listExportTags(db)) {
    await write(
      `  <wp:tag><wp:term_id>${tag.id}</wp:term_id><wp:tag_slug>${cdata(tag.slug)}</wp:tag_slug><wp:tag_name>${cdata(tag.name)}</wp:tag_name></wp:tag>\n`,
    )
  }
  let items = 0
  for (let after = 0; ;) {
    const batch = await listExportPosts(db, after, BATCH)
    if (batch.length === 0) break
    after = batch[batch.length - 1].post.id
    for (const { post, tags, comments } of batch) {
      const link = `${origin}${pathOfKind(post.kind, post.slug)}`
      const lines = [
        '  <item>',
        `    <title>${cdata(post.title)}</title>`,
        `    <link>${escape(link)}</link>`,
        `    <pubDate>${(post.publishedAt ?? post.createdAt).toUTCString()}</pubDate>`,
        `    <dc:creator>${cdata(post.authorId ? login.get(post.authorId)?.login : '')}</dc:creator>`,
        `    <guid isPermaLink="false">${escape(`${origin}/?p=${post.id}`)}</guid>`,
        '    <description></description>',
        `    <content:encoded>${cdata(shownPostHtml(post))}</content:encoded>`,
        `    <excerpt:encoded>${cdata(post.excerpt)}</excerpt:encoded>`,
        `    <wp:post_id>${post.id}</wp:post_id>`,
        `    <wp:post_date>${cdata(wpLocalDate(post.publishedAt ?? post.createdAt, site.timeZone))}</wp:post_date>`,
        `    <wp:post_date_gmt>${cdata(post.status === 'draft' && !post.publishedAt ? wpDate(null) : wpDate(post.publishedAt ?? post.createdAt))}</wp:post_date_gmt>`,
        `    <wp:comment_status>${cdata(post.commentsOpen ? 'open' : 'closed')}</wp:comment_status>`,
        `    <wp:ping_status>${cdata('closed')}</wp:ping_status>`,
        `    <wp:post_name>${cdata(post.slug)}</wp:post_name>`,
        `    <wp:status>${cdata(WP_STATUS[post.status])}</wp:status>`,
        `    <wp:post_parent>${post.parentId ?? 0}</wp:post_parent>`,
        '    <wp:menu_order>0</wp:menu_order>',
        `    <wp:post_type>${cdata(post.kind)}</wp:post_type>`,
        `    <wp:post_password>${cdata('')}</wp:post_password>`,
        `    <wp:is_sticky>${post.pinned ? 1 : 0}</wp:is_sticky>`,
        ...tags.map((t) => `    <category domain="post_tag" nicename="${escape(t.slug)}">${cdata(t.name)}</category>`),
        `    <wp:postmeta><wp:meta_key>${cdata(MARKDOWN_META)}</wp:meta_key><wp:meta_value>${cdata(post.body)}</wp:meta_value></wp:postmeta>`,
        ...(post.featuredImageUrl
          ? [
              `    <wp:postmeta><wp:meta_key>${cdata(FEATURED_META)}</wp:meta_key><wp:meta_value>${cdata(post.featuredImageUrl)}</wp:meta_value></wp:postmeta>`,
            ]
          : []),
        ...comments.map((c) =>
          [
            '    <wp:comment>',
            `      <wp:comment_id>${c.id}</wp:comment_id>`,
            `      <wp:comment_author>${cdata(c.authorId ? (c.userName ?? c.authorName) : c.authorName)}</wp:comment_author>`,
            `      <wp:comment_author_email>${cdata(c.authorId ? c.userEmail : c.authorEmail)}</wp:comment_author_email>`,
            `      <wp:comment_author_url>${cdata(c.authorUrl)}</wp:comment_author_url>`,
            '      <wp:comment_author_IP></wp:comment_author_IP>',
            `      <wp:comment_date>${cdata(wpLocalDate(c.createdAt, site.timeZone))}</wp:comment_date>`,
            `      <wp:comment_date_gmt>${cdata(wpDate(c.createdAt))}</wp:comment_date_gmt>`,
            `      <wp:comment_content>${cdata(shownCommentHtml(c))}</wp:comment_content>`,
            `      <wp:comment_approved>${cdata(WP_APPROVED[c.status])}</wp:comment_approved>`,
            `      <wp:comment_type>${cdata('comment')}</wp:comment_type>`,
            `      <wp:comment_parent>${c.parentId ?? 0}</wp:comment_parent>`,
            `      <wp:comment_user_id>${c.authorId ? (login.get(c.authorId)?.number ?? 0) : 0}</wp:comment_user_id>`,
            `      <wp:commentmeta><wp:meta_key>${cdata(MARKDOWN_META)}</wp:meta_key><wp:meta_value>${cdata(c.body)}</wp:meta_value></wp:commentmeta>`,
            '    </wp:comment>',
          ].join('\n'),
        ),
        '  </item>',
      ]
      await write(`${lines.join('\n')}\n`)
      items++
    }
  }
  await write('</channel>\n</rss>\n')
  return items
}
