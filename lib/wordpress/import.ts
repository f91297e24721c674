import { randomUUID } from 'node:crypto'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { isSlugTaken } from '@/db/queries/admin-posts'
import { insertAuditEntry } from '@/db/queries/audit'
import { waitForOtherImports } from '@/db/queries/import-jobs'
import { insertComment } from '@/db/queries/comments'
import { postHtml, withCommentHtml } from '@/lib/markdown/stored'
import { findMentionIdByLegacyKey, insertMention } from '@/db/queries/mentions'
import { findCommentIdByLegacyKey, findPostBody, findPostIdByLegacyKey, insertOldAddress, setCommentParent, setFeaturedImage, setParentPage, setPostBody } from '@/db/queries/imports'
import { insertPost, tagPost, upsertTag } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { findFreeUserSlug, findUserByEmail, insertUser } from '@/db/queries/users'
import type { CommentStatus, PostStatus } from '@/db/types'
import { requireCapability } from '@/lib/auth/permissions'
import { pagePath } from '@/lib/paths'
import { getSiteSettings } from '@/lib/settings'
import type { Viewer } from '@/lib/auth/viewer'
import { slugify } from '@/lib/posts/slugs'
import { storeImage } from '@/lib/uploads/images'
import { safeFetch } from '@/lib/http/safe-fetch'
import { getStorage, type FileStorage } from '@/lib/uploads/storage'
import { ATTACHMENT_MARK, ATTACHMENTS_OF_MARK, excerptBeforeMore, wordpressToMarkdown, wordpressToText } from './content'
import { FEATURED_META, MARKDOWN_META } from './export'
import { isOwnAddress, oldAddressKey, oldAddressKeysOfUrl } from './old-addresses'
import { ImportFileError } from '@/lib/imports/xml'
import { readWxr, type WxrAuthor, type WxrComment, type WxrItem, type WxrSite } from './wxr'
import { log } from '@/lib/log'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/public/tags'
import { DEFAULT_LANGUAGE, translator, type Language } from '@/lib/i18n'

/*
 * Imports a WordPress export into the blog, all or nothing: every record is written in one transaction
 * while the file streams through, so a file found broken halfway (or anything else going wrong)
 * leaves the database exactly as it was. Images are downloaded after that transaction (a slow old
 * site never holds the database), through the SSRF guard, and the posts using them rewritten in a
 * second, short one.
 *
 * - Authors become people with the commenter role (a file cannot grant anyone publishing rights:
 *   admins promote them in People; the report lists them) and no way to sign in yet; whoever later
 *   signs in with the same email address is that person. An existing account is used as is.
 * - Categories and tags both become tags (the blog's tags are flat: a sub-category keeps its own
 *   name and slug, its parent is not kept).
 * - Published pages are added to the site's header links (the `navigation` setting); a child page
 *   keeps its parent (it shows where it sits). Sticky posts stay pinned to the top of the home page.
 * - Posts and pages keep their status (publish → published, future → scheduled, draft/pending/
 *   private → draft, trash → trash), GMT dates, slugs (a taken slug gets -2…), excerpts, comment
 *   status and featured image; their HTML becomes Markdown (see content.ts).
 * - Comments keep their threads, dates, status (approved, pending, spam, trash) and their author's
 *   name, URL and (private) email; a registered WordPress user's comments belong to that imported
 *   person. Pingbacks and trackbacks become mentions of their post (shown apart, moderated alike).
 * - Each post and comment remembers where it came from, so importing the same file again adds
 *   nothing twice and changes nothing edited here since; new comments on known posts are added.
 * - Every address the file gives is kept (the oldAddress table, ./old-addresses.ts): each item's
 *   <link> and permalink guid, attachment pages (→ their post), /?cat=, /?author= and
 *   /author/<login>; one that is this blog's own address is not taken, and the report says so.
 * - Images attached to the site are downloaded into the blog's uploads when reachable and the
 *   posts pointing at them rewritten; otherwise they keep their address and the report lists it.
 */

export interface ImportReport {
  site: string
  authors: number
  terms: number
  posts: number
  pages: number
  comments: number
  /** Pingbacks and trackbacks, kept as mentions of their post. */
  mentions: number
  /** Old addresses kept, each answering with a redirect to what lives on here. */
  addresses: number
  /** Posts whose shortcodes (which this blog does not run) are shown another way, by name. */
  shortcodes: { title: string; names: string[] }[]
  skipped: { what: string; why: string }[]
  media: { fetched: number; remote: string[] }
  /** Names of the people the import added, as commenters. */
  newPeople: string[]
  /** The audit log entry that records this import (its report is kept there). */
  auditId?: number
  /** The site's language when it was imported: the report is written in it. */
  language?: Language
}

/**
 * What readers see change after an import: every listing and post page (post pages carry the
 * listings tag), the header links when pages were added, bylines when people were. Nothing when the
 * file added nothing (a second import of the same file).
 */
export function importChanges(report: ImportReport): PublicChanges {
  const added = report.posts + report.pages + report.comments + report.mentions + report.authors + report.terms
  if (added === 0) return NOTHING_CHANGED
  return publicChanges({ listings: true, settings: report.pages > 0, people: report.authors > 0 || report.newPeople.length > 0 })
}

export interface ImportOptions {
  now?: Date
  db?: DB
  /** Where downloaded images go, given the import's transaction (so a failed import stores none in the database). */
  storage?: (db: DB) => FileStorage
  /** Downloads an image; null when it cannot be had. Defaults to the SSRF-guarded fetch, capped in size and time. */
  download?: ((url: string) => Promise<Uint8Array | null>) | false
  /** Called after each item (post, page, attachment…) read, with how many were. */
  onProgress?: (done: number) => void
}

/** The host of the WordPress site, whose images are fetched. */
function origin(site: WxrSite): string {
  try {
    return new URL(site.url).host
  } catch {
    return ''
  }
}

const POST_STATUS: Record<string, PostStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'draft', private: 'draft', trash: 'trash' }
const COMMENT_STATUS: Record<string, CommentStatus> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' }

/** WordPress's "2024-06-05 16:04:48" (GMT), or null when it has none ("0000-00-00 00:00:00"). */
function gmt(text: string): Date | null {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text.trim())
  if (!m || m[1] === '0000') return null
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Public addresses only, unless IMPORT_ALLOW_PRIVATE_MEDIA=1 (tests' local image server, intranets). */
async function defaultDownload(url: string): Promise<Uint8Array | null> {
  try {
    const allowPrivate = process.env.IMPORT_ALLOW_PRIVATE_MEDIA === '1'
    const response = await safeFetch(url, { maxBytes: MEDIA_MAX_BYTES, timeoutMs: 15_000, maxRedirects: 5, allowPrivate })
    return response.status === 200 ? response.bytes : null
  } catch {
    return null
  }
}

/** The largest image an import downloads. */
const MEDIA_MAX_BYTES = 25 * 1024 * 1024

/**
 * Imports a WXR file (as chunks): admins from /admin, or whoever runs `npm run import:wxr` on the
 * server ('command-line'). Throws ImportFileError, with nothing changed, for a file it cannot import.
 */
export async function importWordPress(viewer: Viewer | null | 'command-line', file: AsyncIterable<Uint8Array | string>, options: ImportOptions = {}): Promise<ImportReport> {
  const actorId = viewer === 'command-line' ? null : requireCapability(viewer, 'settings.manage').id
  const { now = new Date(), db = getDb() } = options
  const storageFor = options.storage ?? getStorage
  const download = options.download === false ? null : (options.download ?? defaultDownload)
  const report: ImportReport = { site: '', authors: 0, terms: 0, posts: 0, pages: 0, comments: 0, mentions: 0, addresses: 0, shortcodes: [], skipped: [], media: { fetched: 0, remote: [] }, newPeople: [] }
  // The report is written in the site's language, what was skipped as it is found.
  report.language = (await getSiteSettings(db)).language
  const skip = translator(report.language, 'importReport.skips')
  // Posts showing images to fetch, with those images' addresses (never the bodies: memory stays
  // bounded by one post however big the file).
  const showing: { postId: number; urls: string[] }[] = []
  const featured: { postId: number; attachmentId: number }[] = []
  const attachments = new Map<number, string>() // attachment post id → URL
  const attachmentParents = new Map<number, number[]>() // post id → its attachments' ids
  const galleries: { postId: number; wpId: number }[] = []
  const wanted = new Set<string>()

  await inTransaction(db, async (trx) => {
    await waitForOtherImports(trx)
    const people = new Map<string, string>() // WordPress login → person id
    const peopleByWpId = new Map<number, string>()
    const pages: { label: string; href: string }[] = []
    // Attachment pages, kept once their post exists (an attachment may come before it in the file).
    const attachmentPages: { keys: string[]; parent: number; title: string }[] = []
    // Child pages, linked to their parent once every page exists.
    const childPages: { postId: number; parent: number }[] = []

    /** Keeps an old address (a key of ./old-addresses.ts) for `target`, unless it is one of this blog's own. */
    async function keep(key: string | null, target: { postId?: number; tagId?: number; userId?: string }, what: string) {
      if (!key) return
      if (isOwnAddress(key)) {
        report.skipped.push({ what: skip('ownAddress', { key, what }), why: skip('ownAddressWhy') })
        return
      }
      if (await insertOldAddress(trx, { path: key, ...target })) report.addresses++
    }

    /** An item's own addresses: its <link>, and its guid when that is a permalink. */
    const itemKeys = (site: WxrSite, wp: WxrItem) => [wp.link, wp.permalinkGuid].filter(Boolean).flatMap((url) => oldAddressKeysOfUrl(url, site.url))

    async function person(author: WxrAuthor, site: WxrSite): Promise<string> {
      const known = people.get(author.login)
      if (known) return known
      // An author with no address (WXR 1.0 names them only) gets one that can never receive mail,
      // made from the site and login, so a later file from the same site finds the same person.
      const email = author.email.trim().toLowerCase() || `${slugify(author.login) || 'author'}@${slugify(origin(site)) || 'wordpress'}.wordpress.invalid`
      const existing = await findUserByEmail(trx, email)
      let id = existing?.id
      if (!id) {
        const name = author.displayName || author.login
        id = await insertUser(trx, { id: randomUUID(), name, email, role: 'commenter', slug: await findFreeUserSlug(trx, slugify(name)), createdAt: now })
        report.authors++
        report.newPeople.push(name)
      }
      people.set(author.login, id)
      if (author.id) peopleByWpId.set(author.id, id)
      await keep(oldAddressKey(['author', author.login]), { userId: id }, `the author ${author.login}`)
      if (author.id) await keep(`/?author=${author.id}`, { userId: id }, `the author ${author.login}`)
      return id
    }

    async function freeSlug(preferred: string): Promise<string> {
      const base = preferred.slice(0, 76) || 'post'
      let slug = base
      for (let n = 2; await isSlugTaken(trx, slug, null); n++) slug = `${base}-${n}`
      return slug
    }

    /** A pingback or trackback: kept as a mention of the post (the page that links here). */
    async function mention(site: WxrSite, postId: number, item: WxrItem, c: WxrComment) {
      const legacyKey = `${site.url}#comment-${c.id}`
      if (await findMentionIdByLegacyKey(trx, legacyKey)) return
      if (!/^https?:\/\//i.test(c.url)) {
        report.skipped.push({ what: skip('mentionNoSource', { type: c.type, id: c.id, title: item.title }), why: skip('mentionNoSourceWhy') })
        return
      }
      await insertMention(trx, {
          postId,
          kind: c.type === 'trackback' ? 'trackback' : 'pingback',
          sourceUrl: c.url,
          title: (wordpressToText(c.author) || new URL(c.url).host).slice(0, 300),
          excerpt: wordpressToText(c.content).slice(0, 500) || null,
          status: COMMENT_STATUS[c.approved] ?? 'pending',
          createdAt: gmt(c.dateGmt) ?? gmt(c.date) ?? now,
          legacyKey,
        }
      )
      report.mentions++
    }

    async function comments(site: WxrSite, postId: number, item: WxrItem) {
      const ids = new Map<number, number>()
      const parents: [number, number][] = []
      for (const c of item.comments as WxrComment[]) {
        if (c.type === 'pingback' || c.type === 'trackback') {
          await mention(site, postId, item, c)
          continue
        }
        const legacyKey = `${site.url}#comment-${c.id}`
        const existing = await findCommentIdByLegacyKey(trx, legacyKey)
        if (existing) {
          ids.set(c.id, existing)
          continue
        }
        const status = COMMENT_STATUS[c.approved] ?? 'pending'
        const authorId = c.userId ? (peopleByWpId.get(c.userId) ?? null) : null
        const id = await insertComment(trx, withCommentHtml({
            postId,
            authorId,
            authorName: c.author || null,
            authorEmail: c.email || null,
            authorUrl: /^https?:\/\//i.test(c.url) ? c.url : null,
            body: c.meta[MARKDOWN_META] ?? (wordpressToMarkdown(c.content) || '…'),
            status,
            createdAt: gmt(c.dateGmt) ?? gmt(c.date) ?? now,
            legacyKey,
            legacyId: c.id,
          })
        )
        ids.set(c.id, id)
        if (c.parent) parents.push([id, c.parent])
        report.comments++
      }
      // Threads are linked once all of the post's comments exist (a reply may come before its parent).
      for (const [id, parent] of parents) {
        const parentId = ids.get(parent)
        if (parentId) await setCommentParent(trx, id, parentId)
      }
    }

    async function item(site: WxrSite, wp: WxrItem) {
      if (wp.type === 'attachment') {
        if (wp.attachmentUrl) attachments.set(wp.id, wp.attachmentUrl)
        if (wp.attachmentUrl && wp.parent) attachmentParents.set(wp.parent, [...(attachmentParents.get(wp.parent) ?? []), wp.id])
        if (wp.parent) attachmentPages.push({ keys: [...itemKeys(site, wp), `/?attachment_id=${wp.id}`], parent: wp.parent, title: wp.title })
        return
      }
      if (wp.type !== 'post' && wp.type !== 'page') {
        report.skipped.push({ what: skip('item', { title: wp.title || wp.id }), why: skip('noPlace', { type: wp.type || skip('untyped') }) })
        return
      }
      if (wp.status === 'auto-draft' || wp.status === 'inherit') {
        report.skipped.push({ what: skip('item', { title: wp.title || wp.id }), why: skip('wpStatus', { status: wp.status }) })
        return
      }
      const legacyKey = `${site.url}#${wp.id}`
      const known = await findPostIdByLegacyKey(trx, legacyKey)
      if (known) {
        report.skipped.push({ what: skip('item', { title: wp.title }), why: skip('alreadyImported') })
        for (const key of itemKeys(site, wp)) await keep(key, { postId: known }, skip('item', { title: wp.title }))
        await comments(site, known, wp)
        return
      }
      const authorId = wp.creator ? await person({ id: null, login: wp.creator, email: '', displayName: wp.creator }, site) : null
      const title = wordpressToText(wp.title) || wp.title.trim() || '(no title)'
      const status = POST_STATUS[wp.status] ?? 'draft'
      const publishedAt = status === 'draft' ? gmt(wp.dateGmt) : (gmt(wp.dateGmt) ?? gmt(wp.date) ?? now)
      // A Plateau export carries each body's Markdown source: taken as it is, a round trip is exact.
      const shortcodesMet = new Set<string>()
      const body = wp.meta[MARKDOWN_META] ?? wordpressToMarkdown(wp.content, shortcodesMet)
      if (shortcodesMet.size > 0) report.shortcodes.push({ title, names: [...shortcodesMet] })
      const slug = await freeSlug(slugify(decodeURIComponent(wp.slug)) || slugify(title))
      const postId = await insertPost(trx, {
          kind: wp.type === 'page' ? 'page' : 'post',
          slug,
          title: title.slice(0, 200),
          excerpt: (wordpressToText(wp.excerpt) || excerptBeforeMore(wp.content) || '').slice(0, 500) || null,
          body,
          html: postHtml(body),
          status,
          publishedAt,
          authorId,
          commentsOpen: wp.commentStatus === 'open',
          pinned: wp.type === 'post' && wp.sticky,
          featuredImageUrl: wp.meta[FEATURED_META] || null,
          createdAt: publishedAt ?? now,
          updatedAt: now,
          legacyKey,
          legacyId: wp.id,
          legacySlug: wp.slug || null,
        }
      )
      for (const key of itemKeys(site, wp)) await keep(key, { postId }, `“${title}”`)
      if (wp.type === 'page' && wp.parent) childPages.push({ postId, parent: wp.parent })
      if (wp.type === 'page') {
        report.pages++
        if (status === 'published') pages.push({ label: title.slice(0, 60), href: pagePath(slug) })
      } else report.posts++
      for (const term of wp.terms) {
        if (term.domain !== 'category' && term.domain !== 'post_tag') continue
        const slug = slugify(term.slug ? decodeURIComponent(term.slug) : term.name)
        if (slug && term.name) await tagPost(trx, postId, await upsertTag(trx, { slug, name: wordpressToText(term.name).slice(0, 60) }))
      }
      const thumbnail = Number(wp.meta._thumbnail_id)
      if (thumbnail) featured.push({ postId, attachmentId: thumbnail })
      if (body.includes(ATTACHMENT_MARK) || body.includes(ATTACHMENTS_OF_MARK)) galleries.push({ postId, wpId: wp.id })
      const urls = [...body.matchAll(/!\[[^\]]*\]\((\S+?)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]).filter((url) => (origin(site) && url.includes(origin(site))) || url.includes('/wp-content/uploads/'))
      if (urls.length > 0) {
        showing.push({ postId, urls })
        for (const url of urls) wanted.add(url)
      }
      await comments(site, postId, wp)
    }

    let site: WxrSite
    let itemsRead = 0
    try {
      site = await readWxr(file, async (record, current) => {
        if (!current.url) throw new ImportFileError('noSite', { link: '<link>', base: '<wp:base_site_url>' })
        report.site = current.url
        if (record.kind === 'author') await person(record.author, current)
        else if (record.kind === 'term') {
          const slug = slugify(decodeURIComponent(record.term.slug))
          if (slug) {
            const before = await trx.selectFrom('tag').select('id').where('slug', '=', slug).executeTakeFirst()
            const tagId = await upsertTag(trx, { slug, name: wordpressToText(record.term.name).slice(0, 60) || slug })
            if (!before) report.terms++
            if (record.term.kind === 'category' && record.term.id) await keep(`/?cat=${record.term.id}`, { tagId }, `the category ${slug}`)
          }
        } else {
          await item(current, record.item)
          options.onProgress?.(++itemsRead)
        }
      })
    } catch (error) {
      if (error instanceof URIError) throw new ImportFileError('badSlug')
      throw error
    }
    report.site = site.url

    for (const { postId, parent } of childPages) {
      const parentId = await findPostIdByLegacyKey(trx, `${site.url}#${parent}`)
      if (parentId) await setParentPage(trx, postId, parentId)
    }
    for (const { keys, parent, title } of attachmentPages) {
      const postId = await findPostIdByLegacyKey(trx, `${site.url}#${parent}`)
      if (postId) for (const key of keys) await keep(key, { postId }, `the attachment “${title}”`)
    }

    // Published pages join the site's header links, as WordPress themes list them.
    if (pages.length > 0) {
      const { navigation } = await getSiteSettings(trx)
      const known = new Set(navigation.map((link) => link.href))
      await writeSetting(trx, 'navigation', [...navigation, ...pages.filter((link) => !known.has(link.href))])
    }
  })

  // Media: attachments, and images the posts show from the old site or any WordPress uploads folder,
  // are fetched once each, outside the import's transaction, and the posts rewritten to the copies.
  const moved = new Map<string, string>()
  for (const url of attachments.values()) wanted.add(url)
  for (const url of wanted) {
    const bytes = download ? await download(url) : null
    const stored = bytes ? await storeImage({ name: url.split('/').pop()?.split('?')[0] ?? 'image', bytes }, actorId, now, db, storageFor(db)) : null
    if (stored?.ok) {
      moved.set(url, stored.url)
      report.media.fetched++
    } else report.media.remote.push(url)
  }
  await inTransaction(db, async (trx) => {
    for (const { postId, urls } of showing) {
      if (!urls.some((url) => moved.has(url))) continue
      const body = await findPostBody(trx, postId)
      let rewritten = body
      for (const url of urls) if (moved.has(url)) rewritten = rewritten.split(url).join(moved.get(url)!)
      if (rewritten !== body) await setPostBody(trx, postId, rewritten, postHtml(rewritten))
    }
    // Galleries: each image where its attachment now is (downloaded, or its old address).
    for (const { postId, wpId } of galleries) {
      const body = await findPostBody(trx, postId)
      const rewritten = body
        .replace(new RegExp(`^([ \\t]*[-*] )!\\[\\]\\(${ATTACHMENTS_OF_MARK}this\\)$`, 'gm'), (_all, bullet: string) =>
          (attachmentParents.get(wpId) ?? []).map((id) => `${bullet}![](${ATTACHMENT_MARK}${id})`).join('\n'),
        )
        .replace(new RegExp(`^[ \\t]*[-*] !\\[\\]\\(${ATTACHMENT_MARK}(\\d+)\\)\\n?`, 'gm'), (line: string, id: string) => {
          const url = attachments.get(Number(id))
          return url ? line.replace(`${ATTACHMENT_MARK}${id}`, moved.get(url) ?? url) : ''
        })
      if (rewritten !== body) await setPostBody(trx, postId, rewritten, postHtml(rewritten))
    }
    for (const { postId, attachmentId } of featured) {
      const url = attachments.get(attachmentId)
      if (url) await setFeaturedImage(trx, postId, moved.get(url) ?? url)
    }
    report.auditId = await insertAuditEntry(trx, {
        actorId,
        action: 'import.wordpress',
        subject: `site:${report.site}`,
        detail: { ...report, skipped: report.skipped.length, media: report.media.fetched, newPeople: report.newPeople.length, lines: describeImport(report) },
      }
    )
  })
  log().info({ event: 'import.finished', site: report.site, posts: report.posts, pages: report.pages, comments: report.comments, authors: report.authors, skipped: report.skipped.length, auditId: report.auditId }, 'A WordPress export was imported.')
  return report
}

/** The report as lines a person reads (the command prints them; /admin shows them). */
export function describeImport(report: ImportReport): string[] {
  const t = translator(report.language ?? DEFAULT_LANGUAGE, 'importReport')
  const skipped = report.skipped.length
  const { site, posts, pages, comments, mentions, authors, terms } = report
  return [
    t('wpSummary', { site, posts, pages, comments, mentions, authors, terms }),
    t('addresses', { count: report.addresses }),
    t('images', { fetched: report.media.fetched, remote: report.media.remote.length }),
    ...report.media.remote.map((url) => t('keptRemote', { url })),
    ...(report.newPeople.length ? [t('newPeople', { names: report.newPeople.join(', ') })] : []),
    ...(report.shortcodes.length ? [t('shortcodes'), ...report.shortcodes.map((s) => t('shortcode', { title: s.title, names: s.names.map((n) => `[${n}]`).join(', ') }))] : []),
    skipped ? t('skipped', { count: skipped }) : t('nothingSkipped'),
    ...report.skipped.map((s) => t('skippedItem', s)),
  ]
}
