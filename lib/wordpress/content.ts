import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

/*
 * WordPress post HTML → Markdown, the one format posts are stored in (so imported posts are edited
 * in the same editor and rendered, and sanitized, by the same pipeline as everything else).
 * Handles what WordPress writes: block-editor comments (<!-- wp:paragraph -->), [caption] shortcodes,
 * and classic-editor text whose paragraphs are only blank lines (WordPress adds the <p>s when it
 * shows a post: "autop"). Unknown shortcodes keep their inner text; scripts, styles and the like are
 * dropped here and again by the sanitizer when shown.
 */

const BLOCK = /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|dl|dt|dd|address|section|article|aside|header|footer|nav|form|fieldset|details|iframe|video|audio)\b/i

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

/** Shortcodes left after captions: the tags go, their text stays ([embed]url[/embed] → url). */
const shortcodes = (html: string) => html.replace(/\[\/?[a-z][\w-]*(?:\s[^\]]*)?\]/gi, '')

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' }).freeze()

export function wordpressToMarkdown(html: string): string {
  if (!html.trim()) return ''
  const cleaned = shortcodes(captions(html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')))
  return String(processor.processSync(autop(cleaned))).trim()
}

/** Text with no markup (excerpts, titles): tags and entities resolved, whitespace collapsed. */
export function wordpressToText(html: string): string {
  const markdownish = wordpressToMarkdown(html)
  return markdownish.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1').replace(/\s+/g, ' ').trim()
}
