import { fromHtml } from 'hast-util-from-html'
import type { Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { balanceHtml } from './balance'

/*
 * WordPress post HTML → Markdown, the one format posts are stored in (so imported posts are edited
 * in the same editor and rendered, and sanitized, by the same pipeline as everything else).
 * Handles what WordPress writes: block-editor comments (<!-- wp:paragraph -->), [caption] shortcodes,
 * and classic-editor text whose paragraphs are only blank lines (WordPress adds the <p>s when it
 * shows a post: "autop"). Other shortcodes become something a reader can use (see shortcodes());
 * scripts, styles and the like are dropped here and again by the sanitizer when shown.
 */

const BLOCK =
  /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|dl|dt|dd|address|section|article|aside|header|footer|nav|form|fieldset|details|iframe|video|audio)\b/i

/** WordPress's autop, enough for exports: blank lines separate paragraphs, single newlines break lines. */
export function autop(html: string): string {
  if (!html.includes('\n')) return BLOCK.test(html.trim()) || !html.trim() ? html : `<p>${html.trim()}</p>`
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) || /^<!--/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n\n')
}

const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? ''

/** [caption …]<img …> The caption[/caption] → a figure with its caption. */
function captions(html: string): string {
  return html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g, (_all, attrs: string, inner: string) => {
    const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner)?.[0] ?? ''
    const text = inner.replace(image, '').trim() || attr(attrs, 'caption')
    return `<figure>${image}${text ? `<figcaption><em>${text}</em></figcaption>` : ''}</figure>`
  })
}

const escapeAttr = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
const linkTo = (label: string, url: string) =>
  /^https?:\/\//i.test(url) ? `<p>${label}<a href="${escapeAttr(url)}">${escapeAttr(url)}</a></p>` : ''

/** Where a gallery's images go until the importer knows their addresses (it rewrites them). */
export const ATTACHMENT_MARK = 'wordpress-attachment:'
export const ATTACHMENTS_OF_MARK = 'wordpress-attachments-of:'

/**
 * Shortcodes, which this blog does not run, as something a reader can use: [embed] and media
 * shortcodes as a link, [gallery] as its images (ATTACHMENT_MARK…, resolved by the importer), any
 * other (a plugin's) as the text it wraps. Each name met goes into `met`, for the import's report.
 */
function shortcodes(html: string, met: Set<string>): string {
  return html
    .replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_all, url: string) => {
      met.add('embed')
      return linkTo('', url.trim())
    })
    .replace(/\[(audio|video|playlist)\b([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (_all, kind: string, attrs: string) => {
      met.add(kind.toLowerCase())
      const url =
        ['src', 'mp3', 'm4a', 'ogg', 'wav', 'mp4', 'webm', 'ogv'].map((name) => attr(attrs, name)).find(Boolean) ?? ''
      return linkTo(kind.toLowerCase() === 'video' ? 'Video: ' : 'Audio: ', url)
    })
    .replace(/\[gallery\b([^\]]*)\]/gi, (_all, attrs: string) => {
      met.add('gallery')
      const ids = attr(attrs, 'ids')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => /^\d{1,12}$/.test(id))
      const sources = ids.length > 0 ? ids.map((id) => `${ATTACHMENT_MARK}${id}`) : [`${ATTACHMENTS_OF_MARK}this`]
      return `<ul>${sources.map((src) => `<li><img src="${src}" alt=""></li>`).join('')}</ul>`
    })
    .replace(/\[\/?([a-z][\w-]*)(?:\s[^\]]*)?\]/gi, (all: string, name: string) => {
      if (!all.startsWith('[/')) met.add(name.toLowerCase())
      return ''
    })
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' })
  .freeze()

/** A post's HTML as Markdown; the names of the shortcodes it met (shown another way) go into `shortcodesMet`. */
export function wordpressToMarkdown(html: string, shortcodesMet: Set<string> = new Set()): string {
  if (!html.trim()) return ''
  const cleaned = shortcodes(captions(html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')), shortcodesMet)
  return String(processor.processSync(balanceHtml(autop(cleaned)))).trim()
}

/** HTML from elsewhere (a Disqus comment's message) as the same safe Markdown; paragraphs made as WordPress would. */
export function htmlToMarkdown(html: string): string {
  return html.trim() ? String(processor.processSync(balanceHtml(autop(html)))).trim() : ''
}

/** The excerpt WordPress makes of a post with <!--more-->: the text before it (null without one). */
export function excerptBeforeMore(html: string): string | null {
  const at = html.search(/<!--more\b[\s\S]*?-->/i)
  return at > 0 ? wordpressToText(html.slice(0, at)) || null : null
}

/** Text with no markup (titles, excerpts, names): tags removed, entities decoded, whitespace collapsed — never Markdown. */
export function wordpressToText(html: string): string {
  if (!html.trim()) return ''
  const cleaned = shortcodes(html.replace(/<!--[\s\S]*?-->/g, ''), new Set())
  const parts: string[] = []
  // Every character of every text node (bidi marks included), elements apart by a space; no script or
  // style. Walked without recursion, however deep the markup.
  const stack: (Root | RootContent)[] = [fromHtml(balanceHtml(cleaned), { fragment: true })]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') parts.push(node.value)
    else if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) continue
    else if (node.type === 'element' && !PHRASING.has(node.tagName)) parts.push(' ')
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** Inline elements, whose text runs on into the next without a space. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'del',
  'ins',
])
