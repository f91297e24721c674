import markdownIt from 'markdown-it'
import type { MarkdownIt, MarkdownItOptions, Renderer, Token } from 'markdown-it'
import { POST_IMAGE_SIZES, uploadedImageSizes } from '@/lib/uploads/paths'

/*
 * Markdown (CommonMark, with GFM's tables, strikethrough, task lists and autolinks) → HTML that is
 * safe to put in a page, through markdown-it. It is safe by construction: raw HTML in the source is
 * never parsed (it shows as the text it is), every tag comes from the renderer's own rules, every
 * text and attribute is escaped, and links keep only http(s), mailto and the blog's own addresses.
 *
 * It is also cheap whatever it is given: markdown-it's work grows with the text's length (measured
 * in lib/markdown/render.test.ts and `npm run bench`; remark, used before, took 16 s on a 10 kB
 * comment of nested list markers), and anything nested deeper than MAX_NESTING (lists, quotes,
 * emphasis, links) stays text. Should a renderer ever throw, the text is shown escaped instead.
 * Comments and posts are rendered once, when they are written, and the HTML is stored beside them
 * (comment.html, post.html): pages, feeds, mails and the export never parse Markdown.
 */

/** Lists in quotes in lists…: deeper than this, the rest is text. */
export const MAX_NESTING = 32

const ALLOWED_SCHEME = /^(https?|mailto):/i
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** http(s), mailto, or an address without a scheme (this blog's own, or a #fragment). */
function isAllowedUrl(url: string): boolean {
  const address = url.trim()
  return ALLOWED_SCHEME.test(address) || !ANY_SCHEME.test(address.replace(/[\u0000-\u001f\s]/g, ''))
}

const attribute = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

/**
 * Bare addresses become links as GFM links them: http(s):// and www. (never "example.com" alone,
 * nor ftp: or //), the same ones the moderation rules count (lib/comments/screening.ts).
 */
const gfmAutolinks = (md: MarkdownIt) => {
  md.linkify
    .set({ fuzzyLink: false, fuzzyEmail: false })
    .add('ftp:', null)
    .add('//', null)
    .add('www.', {
      validate(text, pos, self) {
        const host = self.re.get_relative_proto_validator()
        host.lastIndex = pos
        return host.exec(text)?.[0].length ?? 0
      },
      normalize(match) {
        match.url = `http://${match.url}`
      },
    })
}

/** GFM task list items: `- [x] done` gets a ticked box (shown, never sent). */
const taskLists = (md: MarkdownIt) => {
  md.core.ruler.after('inline', 'task-lists', (state) => {
    const tokens = state.tokens
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]
      if (
        inline.type !== 'inline' ||
        tokens[i - 1].type !== 'paragraph_open' ||
        tokens[i - 2].type !== 'list_item_open'
      )
        continue
      const first = inline.children?.[0]
      const box = first?.type === 'text' ? /^\[([ xX])\][ \t]/.exec(first.content) : null
      if (!first || !box) continue
      first.content = first.content.slice(box[0].length)
      const input = new state.Token('html_inline', '', 0)
      input.content = `<input type="checkbox" disabled${box[1] === ' ' ? '' : ' checked'}> `
      inline.children!.unshift(input)
    }
  })
}

function create(options: { comment: boolean }): MarkdownIt {
  const settings: MarkdownItOptions = { html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING }
  const md = markdownIt('commonmark', settings).enable(['linkify', 'strikethrough'])
  md.validateLink = isAllowedUrl
  md.use(gfmAutolinks)
  const rules: Renderer['rules'] = md.renderer.rules
  // GFM's strikethrough is <del> (markdown-it writes <s>).
  rules.s_open = () => '<del>'
  rules.s_close = () => '</del>'
  if (options.comment) {
    // Comments: emphasis, links, lists, quotes and code. Headings, rules and tables stay text.
    md.disable(['heading', 'lheading', 'hr'])
    const linkOpen = rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts))
    // A commenter's links are theirs, not the blog's: search engines should not count them.
    rules.link_open = (tokens, i, opts, env, self) => {
      tokens[i].attrSet('rel', 'nofollow ugc noopener')
      return linkOpen(tokens, i, opts, env, self)
    }
    // An image in a comment is shown as a link to it: readers' browsers load nothing a commenter names.
    rules.image = (tokens, i) => {
      const token = tokens[i]
      const src = String(token.attrGet('src') ?? '')
      const text = escapeHtml(textOf(token.children ?? []) || src)
      return isAllowedUrl(src) ? `<a${attribute('href', src)} rel="nofollow ugc noopener">${text}</a>` : text
    }
    rules.fence = (tokens, i) => `<pre><code>${escapeHtml(tokens[i].content)}</code></pre>\n`
  } else {
    md.enable(['table']).use(taskLists)
    // Images load lazily; uploaded ones also get their size and resized copies (`srcset`).
    rules.image = (tokens, i) => {
      const token = tokens[i]
      const src = String(token.attrGet('src') ?? '')
      if (/^mailto:/i.test(src.trim())) return escapeHtml(textOf(token.children ?? []))
      const title = token.attrGet('title')?.toString()
      const sizes = uploadedImageSizes(src)
      let html = `<img${attribute('src', src)}${attribute('alt', textOf(token.children ?? []))}`
      if (title) html += attribute('title', title)
      html += ' loading="lazy" decoding="async"'
      if (sizes) {
        html += attribute('width', sizes.width) + attribute('height', sizes.height)
        if (sizes.srcset) html += attribute('srcset', sizes.srcset) + attribute('sizes', POST_IMAGE_SIZES)
      }
      return `${html}>`
    }
  }
  return md
}

/** The words of inline tokens (an image's description). */
function textOf(tokens: Token[]): string {
  let text = ''
  for (const token of tokens)
    text += token.children
      ? textOf(token.children)
      : token.type === 'text' || token.type === 'code_inline'
        ? token.content
        : ''
  return text
}

const postRenderer = create({ comment: false })
const commentRenderer = create({ comment: true })

/** The text as it was typed, escaped, in paragraphs: what is shown should a renderer ever fail. */
export function escapedParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n')
}

function render(md: MarkdownIt, markdown: string): string {
  try {
    return md.render(markdown).trimEnd()
  } catch {
    return escapedParagraphs(markdown)
  }
}

/** A post body (full Markdown with images and tables) as safe HTML. */
export function renderPostMarkdown(markdown: string): string {
  return render(postRenderer, markdown)
}

/** A comment body (emphasis, links, lists, quotes, code; no images, no headings, no HTML) as safe HTML. */
export function renderCommentMarkdown(markdown: string): string {
  return render(commentRenderer, markdown)
}
