import { randomUUID } from 'node:crypto'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { isSlugTaken } from '@/db/queries/admin-posts'
import { insertAuditEntry } from '@/db/queries/audit'
import { waitForOtherImports } from '@/db/queries/import-jobs'
import { insertComment } from '@/db/queries/comments'
import { postHtml, withCommentHtml } from '@/lib/markdown/stored'
import { findMentionIdByLegacyKey, insertMention } from '@/db/queries/mentions'
import {
  findCommentIdByLegacyKey,
  findPostBody,
  findPostIdByLegacyKey,
  insertOldAddress,
  setCommentParent,
  setFeaturedImage,
  setParentPage,
  setPostBody,
} from '@/db/queries/imports'
import { insertPost, tagPost, upsertTag } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { findFreeUserSlug, findUserByEmail, insertUser } from '@/db/queries/users'
import type { CommentStatus, PostStatus } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import { pagePath } from '@/lib/paths'
import { getSiteSettings } from '@/lib/settings'
import type { Viewer } from '@/lib/people/viewer'
import { slugify } from '@/lib/slugs'
import { storeImage } from '@/lib/uploads/images'
import { safeFetch } from '@/lib/http/safe-fetch'
import { getStorage, type FileStorage } from '@/lib/uploads/storage'
import {
  ATTACHMENT_MARK,
  ATTACHMENTS_OF_MARK,
  excerptBeforeMore,
  wordpressToMarkdown,
  wordpressToText,
} from './content'
import { FEATURED_META, MARKDOWN_META } from './export'
import { isOwnAddress, oldAddressKey, oldAddressKeysOfUrl } from './old-addresses'
import { ImportFileError } from '@/lib/xml'
import { readWxr, type WxrAuthor, type WxrComment, type WxrItem, type WxrSite } from './wxr'
import { log } from '@/lib/log'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/changes'
import { DEFAULT_LANGUAGE, translator, type Language, type Translator } from '@/lib/i18n'

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
  return publicChanges({
    listings: true,
    settings: report.pages > 0,
    people: report.authors > 0 || report.newPeople.length > 0,
  })
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

const POST_STATUS: Record<string, PostStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
  trash: 'trash',
}
const COMMENT_STATUS: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
}

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
    const response = await safeFetch(url, {
      maxBytes: MEDIA_MAX_BYTES,
      timeoutMs: 15_000,
      maxRedirects: 5,
      allowPrivate,
    })
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
 * Its stages, in order: read the file into rows, link what could only be linked once everything was
 * read, add the published pages to the header (one transaction for those three); fetch the media
 * (outside any transaction); point the posts at the copies, and record the import (a second one).
 */
export async function importWordPress(
  viewer: Viewer | null | 'command-line',
  file: AsyncIterable<Uint8Array | string>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const actorId = viewer === 'command-line' ? null : requireCapability(viewer, 'settings.manage').id
  const { now = new Date(), db = getDb() } = options
  const storageFor = options.storage ?? getStorage
  const download = options.download === false ? null : (options.download ?? defaultDownload)
  // The report is written in the site's language, what was skipped as it is found.
  const run = new WordPressImport(now, (await getSiteSettings(db)).language)

  await inTransaction(db, async (trx) => {
    await waitForOtherImports(trx)
    const site = await run.readFile(trx, file, options.onProgress)
    await run.linkWhatCameFirst(trx, site)
    await run.addPagesToHeader(trx)
  })
  const moved = await run.fetchMedia(async (url, bytes) => {
    const stored = await storeImage(
      { name: url.split('/').pop()?.split('?')[0] ?? 'image', bytes },
      actorId,
      now,
      db,
      storageFor(db),
    )
    return stored.ok ? stored.url : null
  }, download)
  await inTransaction(db, async (trx) => {
    await run.pointToCopies(trx, moved)
    await run.record(trx, actorId)
  })
  const { report } = run
  log().info(
    {
      event: 'import.finished',
      site: report.site,
      posts: report.posts,
      pages: report.pages,
      comments: report.comments,
      authors: report.authors,
      skipped: report.skipped.length,
      auditId: report.auditId,
    },
    'A WordPress export was imported.',
  )
  return report
}

/**
 * One import's work, stage by stage (see importWordPress), and what each stage leaves the next:
 * which posts show which images (their addresses, never the bodies: memory stays bounded by one post
 * however big the file), featured images, attachments and galleries to resolve once the media is here.
 */
class WordPressImport {
  readonly report: ImportReport = {
    site: '',
    authors: 0,
    terms: 0,
    posts: 0,
    pages: 0,
    comments: 0,
    mentions: 0,
    addresses: 0,
    shortcodes: [],
    skipped: [],
    media: { fetched: 0, remote: [] },
    newPeople: [],
  }
  private readonly skip: Translator<'importReport.skips'>
  private readonly showing: { postId: number; urls: string[] }[] = []
  private readonly featured: { postId: number; attachmentId: number }[] = []
  private readonly attachments = new Map<number, string>() // attachment post id → URL
  private readonly attachmentParents = new Map<number, number[]>() // post id → its attachments' ids
  private readonly galleries: { postId: number; wpId: number }[] = []
  private readonly wanted = new Set<string>()
  private readonly people = new Map<string, string>() // WordPress login → person id
  private readonly peopleByWpId = new Map<number, string>()
  private readonly pages: { label: string; href: string }[] = []
  /** Attachment pages, kept once their post exists (an attachment may come before it in the file). */
  private readonly attachmentPages: { keys: string[]; parent: number; title: string }[] = []
  /** Child pages, linked to their parent once every page exists. */
  private readonly childPages: { postId: number; parent: number }[] = []

  constructor(
    private readonly now: Date,
    language: Language,
  ) {
    this.report.language = language
    this.skip = translator(language, 'importReport.skips')
  }

  /** Stage 1: every author, term and item of the file, as it streams through. */
  async readFile(
    trx: DB,
    file: AsyncIterable<Uint8Array | string>,
    onProgress?: (done: number) => void,
  ): Promise<WxrSite> {
    let itemsRead = 0
    try {
      const site = await readWxr(file, async (record, current) => {
        if (!current.url) throw new ImportFileError('noSite', { link: '<link>', base: '<wp:base_site_url>' })
        this.report.site = current.url
        if (record.kind === 'author') await this.person(trx, record.author, current)
        else if (record.kind === 'term') await this.term(trx, record.term)
        else {
          await this.item(trx, current, record.item)
          onProgress?.(++itemsRead)
        }
      })
      this.report.site = site.url
      return site
    } catch (error) {
      if (error instanceof URIError) throw new ImportFileError('badSlug')
      throw error
    }
  }

  /** Stage 2: child pages under their parents, attachment pages' addresses on their posts. */
  async linkWhatCameFirst(trx: DB, site: WxrSite): Promise<void> {
    for (const { postId, parent } of this.childPages) {
      const parentId = await findPostIdByLegacyKey(trx, `${site.url}#${parent}`)
      if (parentId) await setParentPage(trx, postId, parentId)
    }
    for (const { keys, parent, title } of this.attachmentPages) {
      const postId = await findPostIdByLegacyKey(trx, `${site.url}#${parent}`)
      if (postId) for (const key of keys) await this.keep(trx, key, { postId }, `the attachment “${title}”`)
    }
  }

  /** Stage 3: published pages join the site's header links, as WordPress themes list them. */
  async addPagesToHeader(trx: DB): Promise<void> {
    if (this.pages.length === 0) return
    const { navigation } = await getSiteSettings(trx)
    const known = new Set(navigation.map((link) => link.href))
    await writeSetting(trx, 'navigation', [...navigation, ...this.pages.filter((link) => !known.has(link.href))])
  }

  /**
   * Stage 4: attachments, and images the posts show from the old site or any WordPress uploads
   * folder, fetched once each (outside the import's transaction) and stored; returns old address →
   * copy. What cannot be had keeps its address, and the report lists it.
   */
  async fetchMedia(
    store: (url: string, bytes: Uint8Array) => Promise<string | null>,
    download: ((url: string) => Promise<Uint8Array | null>) | null,
  ): Promise<Map<string, string>> {
    const moved = new Map<string, string>()
    for (const url of this.attachments.values()) this.wanted.add(url)
    for (const url of this.wanted) {
      const bytes = download ? await download(url) : null
      const copy = bytes ? await store(url, bytes) : null
      if (copy) {
        moved.set(url, copy)
        this.report.media.fetched++
      } else this.report.media.remote.push(url)
    }
    return moved
  }

  /** Stage 5: the posts showing fetched images, galleries and featured images point at the copies. */
  async pointToCopies(trx: DB, moved: Map<string, string>): Promise<void> {
    for (const { postId, urls } of this.showing) {
      if (!urls.some((url) => moved.has(url))) continue
      const body = await findPostBody(trx, postId)
      let rewritten = body
      for (const url of urls) if (moved.has(url)) rewritten = rewritten.split(url).join(moved.get(url)!)
      if (rewritten !== body) await setPostBody(trx, postId, rewritten, postHtml(rewritten))
    }
    // Galleries: each image where its attachment now is (downloaded, or its old address).
    for (const { postId, wpId } of this.galleries) {
      const body = await findPostBody(trx, postId)
      const rewritten = body
        .replace(new RegExp(`^([ \\t]*[-*] )!\\[\\]\\(${ATTACHMENTS_OF_MARK}this\\)$`, 'gm'), (_all, bullet: string) =>
          (this.attachmentParents.get(wpId) ?? []).map((id) => `${bullet}![](${ATTACHMENT_MARK}${id})`).join('\n'),
        )
        .replace(
          new RegExp(`^[ \\t]*[-*] !\\[\\]\\(${ATTACHMENT_MARK}(\\d+)\\)\\n?`, 'gm'),
          (line: string, id: string) => {
            const url = this.attachments.get(Number(id))
            return url ? line.replace(`${ATTACHMENT_MARK}${id}`, moved.get(url) ?? url) : ''
          },
        )
      if (rewritten !== body) await setPostBody(trx, postId, rewritten, postHtml(rewritten))
    }
    for (const { postId, attachmentId } of this.featured) {
      const url = this.attachments.get(attachmentId)
      if (url) await setFeaturedImage(trx, postId, moved.get(url) ?? url)
    }
  }

  /** Stage 6: the import in the audit log, with its report. */
  async record(trx: DB, actorId: string | null): Promise<void> {
    const { report } = this
    report.auditId = await insertAuditEntry(trx, {
      actorId,
      action: 'import.wordpress',
      subject: `site:${report.site}`,
      detail: {
        ...report,
        skipped: report.skipped.length,
        media: report.media.fetched,
        newPeople: report.newPeople.length,
        lines: describeImport(report),
      },
    })
  }

  /** Keeps an old address (a key of ./old-addresses.ts) for `target`, unless it is one of this blog's own. */
  private async keep(
    trx: DB,
    key: string | null,
    target: { postId?: number; tagId?: number; userId?: string },
    what: string,
  ): Promise<void> {
    if (!key) return
    if (isOwnAddress(key)) {
      this.report.skipped.push({ what: this.skip('ownAddress', { key, what }), why: this.skip('ownAddressWhy') })
      return
    }
    if (await insertOldAddress(trx, { path: key, ...target })) this.report.addresses++
  }

  /** An item's own addresses: its <link>, and its guid when that is a permalink. */
  private itemKeys(site: WxrSite, wp: WxrItem): string[] {
    return [wp.link, wp.permalinkGuid].filter(Boolean).flatMap((url) => oldAddressKeysOfUrl(url, site.url))
  }

  private async person(trx: DB, author: WxrAuthor, site: WxrSite): Promise<string> {
    const known = this.people.get(author.login)
    if (known) return known
    // An author with no address (WXR 1.0 names them only) gets one that can never receive mail,
    // made from the site and login, so a later file from the same site finds the same person.
    const email =
      author.email.trim().toLowerCase() ||
      `${slugify(author.login) || 'author'}@${slugify(origin(site)) || 'wordpress'}.wordpress.invalid`
    const existing = await findUserByEmail(trx, email)
    let id = existing?.id
    if (!id) {
      const name = author.displayName || author.login
      id = await insertUser(trx, {
        id: randomUUID(),
        name,
        email,
        role: 'commenter',
        slug: await findFreeUserSlug(trx, slugify(name)),
        createdAt: this.now,
      })
      this.report.authors++
      this.report.newPeople.push(name)
    }
    this.people.set(author.login, id)
    if (author.id) this.peopleByWpId.set(author.id, id)
    await this.keep(trx, oldAddressKey(['author', author.login]), { userId: id }, `the author ${author.login}`)
    if (author.id) await this.keep(trx, `/?author=${author.id}`, { userId: id }, `the author ${author.login}`)
    return id
  }

  /** A category or tag: a tag here (flat), and a category's old /?cat= address. */
  private async term(trx: DB, term: { slug: string; name: string; kind: string; id: number | null }): Promise<void> {
    const slug = slugify(decodeURIComponent(term.slug))
    if (!slug) return
    const before = await trx.selectFrom('tag').select('id').where('slug', '=', slug).executeTakeFirst()
    const tagId = await upsertTag(trx, { slug, name: wordpressToText(term.name).slice(0, 60) || slug })
    if (!before) this.report.terms++
    if (term.kind === 'category' && term.id) await this.keep(trx, `/?cat=${term.id}`, { tagId }, `the category ${slug}`)
  }

  private async freeSlug(trx: DB, preferred: string): Promise<string> {
    const base = preferred.slice(0, 76) || 'post'
    let slug = base
    for (let n = 2; await isSlugTaken(trx, slug, null); n++) slug = `${base}-${n}`
    return slug
  }

  /** A pingback or trackback: kept as a mention of the post (the page that links here). */
  private async mention(trx: DB, site: WxrSite, postId: number, item: WxrItem, c: WxrComment): Promise<void> {
    const legacyKey = `${site.url}#comment-${c.id}`
    if (await findMentionIdByLegacyKey(trx, legacyKey)) return
    if (!/^https?:\/\//i.test(c.url)) {
      this.report.skipped.push({
        what: this.skip('mentionNoSource', { type: c.type, id: c.id, title: item.title }),
        why: this.skip('mentionNoSourceWhy'),
      })
      return
    }
    await insertMention(trx, {
      postId,
      kind: c.type === 'trackback' ? 'trackback' : 'pingback',
      sourceUrl: c.url,
      title: (wordpressToText(c.author) || new URL(c.url).host).slice(0, 300),
      excerpt: wordpressToText(c.content).slice(0, 500) || null,
      status: COMMENT_STATUS[c.approved] ?? 'pending',
      createdAt: gmt(c.dateGmt) ?? gmt(c.date) ?? this.now,
      legacyKey,
    })
    this.report.mentions++
  }

  /** An item's comments (new ones only), threaded once all of them exist (a reply may come before its parent). */
  private async comments(trx: DB, site: WxrSite, postId: number, item: WxrItem): Promise<void> {
    const ids = new Map<number, number>()
    const parents: [number, number][] = []
    for (const c of item.comments as WxrComment[]) {
      if (c.type === 'pingback' || c.type === 'trackback') {
        await this.mention(trx, site, postId, item, c)
        continue
      }
      const legacyKey = `${site.url}#comment-${c.id}`
      const existing = await findCommentIdByLegacyKey(trx, legacyKey)
      if (existing) {
        ids.set(c.id, existing)
        continue
      }
      const id = await insertComment(
        trx,
        withCommentHtml({
          postId,
          authorId: c.userId ? (this.peopleByWpId.get(c.userId) ?? null) : null,
          authorName: c.author || null,
          authorEmail: c.email || null,
          authorUrl: /^https?:\/\//i.test(c.url) ? c.url : null,
          body: c.meta[MARKDOWN_META] ?? (wordpressToMarkdown(c.content) || '…'),
          status: COMMENT_STATUS[c.approved] ?? 'pending',
          createdAt: gmt(c.dateGmt) ?? gmt(c.date) ?? this.now,
          legacyKey,
          legacyId: c.id,
        }),
      )
      ids.set(c.id, id)
      if (c.parent) parents.push([id, c.parent])
      this.report.comments++
    }
    for (const [id, parent] of parents) {
      const parentId = ids.get(parent)
      if (parentId) await setCommentParent(trx, id, parentId)
    }
  }

  /** One item: an attachment noted for later, a post or page written with its tags and comments, anything else skipped. */
  private async item(trx: DB, site: WxrSite, wp: WxrItem): Promise<void> {
    const { report, skip } = this
    if (wp.type === 'attachment') {
      if (wp.attachmentUrl) this.attachments.set(wp.id, wp.attachmentUrl)
      if (wp.attachmentUrl && wp.parent)
        this.attachmentParents.set(wp.parent, [...(this.attachmentParents.get(wp.parent) ?? []), wp.id])
      if (wp.parent)
        this.attachmentPages.push({
          keys: [...this.itemKeys(site, wp), `/?attachment_id=${wp.id}`],
          parent: wp.parent,
          title: wp.title,
        })
      return
    }
    if (wp.type !== 'post' && wp.type !== 'page') {
      report.skipped.push({
        what: skip('item', { title: wp.title || wp.id }),
        why: skip('noPlace', { type: wp.type || skip('untyped') }),
      })
      return
    }
    if (wp.status === 'auto-draft' || wp.status === 'inherit') {
      report.skipped.push({
        what: skip('item', { title: wp.title || wp.id }),
        why: skip('wpStatus', { status: wp.status }),
      })
      return
    }
    const legacyKey = `${site.url}#${wp.id}`
    const known = await findPostIdByLegacyKey(trx, legacyKey)
    if (known) {
      report.skipped.push({ what: skip('item', { title: wp.title }), why: skip('alreadyImported') })
      for (const key of this.itemKeys(site, wp))
        await this.keep(trx, key, { postId: known }, skip('item', { title: wp.title }))
      await this.comments(trx, site, known, wp)
      return
    }
    const authorId = wp.creator
      ? await this.person(trx, { id: null, login: wp.creator, email: '', displayName: wp.creator }, site)
      : null
    const title = wordpressToText(wp.title) || wp.title.trim() || '(no title)'
    const status = POST_STATUS[wp.status] ?? 'draft'
    const publishedAt = status === 'draft' ? gmt(wp.dateGmt) : (gmt(wp.dateGmt) ?? gmt(wp.date) ?? this.now)
    // A Plateau export carries each body's Markdown source: taken as it is, a round trip is exact.
    const shortcodesMet = new Set<string>()
    const body = wp.meta[MARKDOWN_META] ?? wordpressToMarkdown(wp.content, shortcodesMet)
    if (shortcodesMet.size > 0) report.shortcodes.push({ title, names: [...shortcodesMet] })
    const slug = await this.freeSlug(trx, slugify(decodeURIComponent(wp.slug)) || slugify(title))
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
      createdAt: publishedAt ?? this.now,
      updatedAt: this.now,
      legacyKey,
      legacyId: wp.id,
      legacySlug: wp.slug || null,
    })
    for (const key of this.itemKeys(site, wp)) await this.keep(trx, key, { postId }, `“${title}”`)
    if (wp.type === 'page' && wp.parent) this.childPages.push({ postId, parent: wp.parent })
    if (wp.type === 'page') {
      report.pages++
      if (status === 'published') this.pages.push({ label: title.slice(0, 60), href: pagePath(slug) })
    } else report.posts++
    for (const term of wp.terms) {
      if (term.domain !== 'category' && term.domain !== 'post_tag') continue
      const tagSlug = slugify(term.slug ? decodeURIComponent(term.slug) : term.name)
      if (tagSlug && term.name)
        await tagPost(
          trx,
          postId,
          await upsertTag(trx, { slug: tagSlug, name: wordpressToText(term.name).slice(0, 60) }),
        )
    }
    const thumbnail = Number(wp.meta._thumbnail_id)
    if (thumbnail) this.featured.push({ postId, attachmentId: thumbnail })
    if (body.includes(ATTACHMENT_MARK) || body.includes(ATTACHMENTS_OF_MARK))
      this.galleries.push({ postId, wpId: wp.id })
    const host = origin(site)
    const urls = [...body.matchAll(/!\[[^\]]*\]\((\S+?)(?:\s+"[^"]*")?\)/g)]
      .map((m) => m[1])
      .filter((url) => (host && url.includes(host)) || url.includes('/wp-content/uploads/'))
    if (urls.length > 0) {
      this.showing.push({ postId, urls })
      for (const url of urls) this.wanted.add(url)
    }
    await this.comments(trx, site, postId, wp)
  }
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
    ...(report.shortcodes.length
      ? [
          t('shortcodes'),
          ...report.shortcodes.map((s) =>
            t('shortcode', { title: s.title, names: s.names.map((n) => `[${n}]`).join(', ') }),
          ),
        ]
      : []),
    skipped ? t('skipped', { count: skipped }) : t('nothingSkipped'),
    ...report.skipped.map((s) => t('skippedItem', s)),
  ]
}
