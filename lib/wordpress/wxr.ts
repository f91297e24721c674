import { ImportFileError, readXml, type SaxesTagNS } from '@/lib/xml'

/*
 * A streaming reader of WordPress eXtended RSS (WXR 1.0, 1.1 and 1.2), on the import core
 * (lib/xml.ts: one record at a time, DOCTYPEs and broken files refused with their line). It
 * hands over one author, term or item at a time.
 */

export interface WxrSite {
  version: string | null
  title: string
  /** The WordPress site's address; keys imported records, so a re-import recognises them. */
  url: string
}

export interface WxrAuthor {
  id: number | null
  login: string
  email: string
  displayName: string
}

export interface WxrTerm {
  /** WordPress's term id (/?cat=<id>), 0 when the file has none. */
  id: number
  kind: 'category' | 'tag'
  slug: string
  name: string
  parent: string
}

export interface WxrComment {
  id: number
  author: string
  email: string
  url: string
  dateGmt: string
  date: string
  content: string
  approved: string
  type: string
  parent: number
  userId: number
  meta: Record<string, string>
}

export interface WxrItem {
  title: string
  link: string
  /** The guid, when the file says it is a permalink (isPermaLink, RSS's default) — else ''. */
  permalinkGuid: string
  /** The parent's WordPress id: a child page's parent page, an attachment's post (0 for none). */
  parent: number
  /** A sticky post (wp:is_sticky). */
  sticky: boolean
  creator: string
  content: string
  excerpt: string
  id: number
  date: string
  dateGmt: string
  commentStatus: string
  slug: string
  status: string
  type: string
  attachmentUrl: string
  terms: { domain: string; slug: string; name: string }[]
  meta: Record<string, string>
  comments: WxrComment[]
  /** The line the item starts on, for messages. */
  line: number
}

export type WxrRecord =
  { kind: 'author'; author: WxrAuthor } | { kind: 'term'; term: WxrTerm } | { kind: 'item'; item: WxrItem }

// Namespaces by what they are, whatever prefix or WXR version the file uses.
function prefixOf(uri: string): string {
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/$/.test(uri)) return 'excerpt'
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/$/.test(uri)) return 'wp'
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content'
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc'
  return uri ? 'other' : ''
}

const num = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : 0)

/**
 * Reads a WXR file and calls `onRecord` for each author, term and item, in file order, waiting for
 * each call. Resolves with the site's details; rejects with an ImportFileError for a file that is not
 * well-formed XML, not WXR (a Disqus export is named as such), truncated, or carries a DOCTYPE.
 */
export async function readWxr(
  chunks: AsyncIterable<Uint8Array | string>,
  onRecord: (record: WxrRecord, site: WxrSite) => Promise<void>,
): Promise<WxrSite> {
  const site: WxrSite = { version: null, title: '', url: '' }
  const ready: WxrRecord[] = []
  let sawWordPress = false
  let author: Partial<WxrAuthor> | null = null
  let term: Partial<WxrTerm> | null = null
  let item: WxrItem | null = null
  let comment: Partial<WxrComment> | null = null
  let meta: { key: string; value: string } | null = null
  let commentMetaKey = ''
  let category: { domain: string; slug: string } | null = null
  let guidIsPermalink = false

  const open = (name: string, tag: SaxesTagNS, path: readonly string[], line: number) => {
    if (path.length === 1) {
      if (tag.local === 'disqus') throw new ImportFileError('disqusNotWordpress', {}, line)
      if (name !== 'rss')
        throw new ImportFileError('notWordpressRoot', { found: `<${tag.name}>`, expected: '<rss>' }, line)
    }
    if (name.startsWith('wp:')) sawWordPress = true
    const parent = path[path.length - 2]
    if (name === 'wp:author' && parent === 'channel') author = {}
    else if ((name === 'wp:category' || name === 'wp:tag') && parent === 'channel')
      term = { id: 0, kind: name === 'wp:category' ? 'category' : 'tag', parent: '' }
    else if (name === 'item' && parent === 'channel')
      item = {
        title: '',
        link: '',
        permalinkGuid: '',
        parent: 0,
        sticky: false,
        creator: '',
        content: '',
        excerpt: '',
        id: 0,
        date: '',
        dateGmt: '',
        commentStatus: '',
        slug: '',
        status: '',
        type: '',
        attachmentUrl: '',
        terms: [],
        meta: {},
        comments: [],
        line,
      }
    else if (name === 'wp:comment' && item) comment = { meta: {} }
    else if (name === 'wp:postmeta' && item) meta = { key: '', value: '' }
    else if (name === 'category' && item)
      category = {
        domain: String(tag.attributes.domain?.value ?? ''),
        slug: String(tag.attributes.nicename?.value ?? ''),
      }
    else if (name === 'guid' && item) guidIsPermalink = String(tag.attributes.isPermaLink?.value ?? 'true') !== 'false'
  }

  const close = (name: string, value: string, path: readonly string[]) => {
    const parent = path[path.length - 1]
    if (parent === 'channel' && !item) {
      if (name === 'wp:wxr_version') site.version = value.trim()
      else if (name === 'title') site.title = value.trim()
      else if (name === 'link' && !site.url) site.url = value.trim()
      else if (name === 'wp:base_site_url') site.url = value.trim()
    }
    if (author) {
      if (name === 'wp:author') {
        if (author.login)
          ready.push({
            kind: 'author',
            author: {
              id: author.id ?? null,
              login: author.login,
              email: author.email ?? '',
              displayName: author.displayName || author.login,
            },
          })
        author = null
      } else if (name === 'wp:author_id') author.id = num(value) || null
      else if (name === 'wp:author_login') author.login = value.trim()
      else if (name === 'wp:author_email') author.email = value.trim()
      else if (name === 'wp:author_display_name') author.displayName = value.trim()
      return
    }
    if (term) {
      if (name === 'wp:category' || name === 'wp:tag') {
        if (term.slug && term.name) ready.push({ kind: 'term', term: term as WxrTerm })
        term = null
      } else if (name === 'wp:category_nicename' || name === 'wp:tag_slug') term.slug = value.trim()
      else if (name === 'wp:cat_name' || name === 'wp:tag_name') term.name = value.trim()
      else if (name === 'wp:category_parent') term.parent = value.trim()
      else if (name === 'wp:term_id') term.id = num(value)
      return
    }
    if (!item) return
    if (comment) {
      const fields: Record<string, keyof WxrComment> = {
        'wp:comment_author': 'author',
        'wp:comment_author_email': 'email',
        'wp:comment_author_url': 'url',
        'wp:comment_date': 'date',
        'wp:comment_date_gmt': 'dateGmt',
        'wp:comment_content': 'content',
        'wp:comment_approved': 'approved',
        'wp:comment_type': 'type',
      }
      if (name === 'wp:comment') {
        item.comments.push({
          author: '',
          email: '',
          url: '',
          date: '',
          dateGmt: '',
          content: '',
          approved: '1',
          type: '',
          parent: 0,
          userId: 0,
          id: 0,
          meta: {},
          ...comment,
        })
        comment = null
      } else if (name === 'wp:meta_key' && parent === 'wp:commentmeta') commentMetaKey = value.trim()
      else if (name === 'wp:meta_value' && parent === 'wp:commentmeta') comment.meta![commentMetaKey] = value
      else if (name === 'wp:comment_id') comment.id = num(value)
      else if (name === 'wp:comment_parent') comment.parent = num(value)
      else if (name === 'wp:comment_user_id') comment.userId = num(value)
      else if (fields[name] && parent === 'wp:comment')
        (comment as Record<string, string>)[fields[name]] = name === 'wp:comment_content' ? value : value.trim()
      return
    }
    if (meta) {
      if (name === 'wp:postmeta') {
        item.meta[meta.key] = meta.value
        meta = null
      } else if (name === 'wp:meta_key') meta.key = value.trim()
      else if (name === 'wp:meta_value') meta.value = value
      return
    }
    if (name === 'category' && category) {
      item.terms.push({ ...category, name: value.trim() })
      category = null
      return
    }
    if (name === 'item') {
      ready.push({ kind: 'item', item })
      item = null
      return
    }
    if (parent !== 'item') return
    const simple: Record<string, keyof WxrItem> = {
      title: 'title',
      link: 'link',
      'dc:creator': 'creator',
      'content:encoded': 'content',
      'excerpt:encoded': 'excerpt',
      'wp:post_date': 'date',
      'wp:post_date_gmt': 'dateGmt',
      'wp:comment_status': 'commentStatus',
      'wp:post_name': 'slug',
      'wp:status': 'status',
      'wp:post_type': 'type',
      'wp:attachment_url': 'attachmentUrl',
    }
    if (name === 'wp:post_id') item.id = num(value)
    else if (name === 'wp:post_parent') item.parent = num(value)
    else if (name === 'wp:is_sticky') item.sticky = value.trim() === '1'
    else if (name === 'guid') item.permalinkGuid = guidIsPermalink ? value.trim() : ''
    else if (simple[name])
      (item as unknown as Record<string, string>)[simple[name]] =
        name === 'content:encoded' || name === 'excerpt:encoded' ? value : value.trim()
  }

  // Every WXR file says it is one (wp:wxr_version) before its first author, term or item.
  const check = (atEnd: boolean, line: number) =>
    sawWordPress ? null : new ImportFileError('notWordpress', {}, atEnd ? null : line)
  await readXml(
    chunks,
    'wordpress',
    { nameOf: (tag) => `${prefixOf(tag.uri)}${tag.uri ? ':' : ''}${tag.local}`, open, close, check },
    ready,
    (record) => onRecord(record, site),
  )
  return site
}
