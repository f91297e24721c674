/*
 * HTML from another platform (a WordPress post, a comment a stranger wrote there, a Disqus message)
 * made well nested before a spec-following parser sees it: one pass over the text, so its cost is
 * its length. Browsers' parsing rules repair misnested markup in ways that cost far more than its
 * length (5,000 unclosed <a> took parse5 over a minute), and the converters after it recurse once
 * per level (10,000 nested <div> overflowed the stack). Here:
 *   - every element is closed, in order: a closing tag closes what was opened inside it, and a stray
 *     one is dropped; an <a> opened inside an <a> closes the first (as a browser would);
 *   - past MAX_DEPTH levels, tags are dropped and their text kept, and so are inline elements past
 *     MAX_INLINE_DEPTH of them (1,000 <i> around images, 48 deep, took the Markdown converter 3.5 s);
 *   - a block opened inside inline elements closes them first, as a browser does for a <p> (inline
 *     elements around blocks are split around each by the converter: 48 levels took it 6 s);
 *   - comments, and script and style elements with their content, are dropped, and so is a tag that
 *     never ends, with the rest of the text (as a browser drops it).
 * Text is passed on as it is (the parser reads entities and stray "<" itself).
 */

export const MAX_DEPTH = 48
export const MAX_INLINE_DEPTH = 8

/** Inline elements: one holding no text is dropped (thousands of empty links in a row cost the Markdown converter their square). */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
])
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const DROPPED_WITH_CONTENT = new Set(['script', 'style'])
const NAME = /[a-zA-Z][a-zA-Z0-9-]*/y

/** Where the tag starting at `from` (its "<") ends: the index after its ">", quotes respected; -1 if it never ends. */
function tagEnd(html: string, from: number): number {
  let quote = ''
  for (let i = from + 1; i < html.length; i++) {
    const c = html[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
  }
  return -1
}

/** `html` well nested, at most MAX_DEPTH deep, without comments, scripts or styles (see above). */
export function balanceHtml(html: string, maxDepth: number = MAX_DEPTH): string {
  const out: string[] = []
  const open: string[] = []
  /** For each open element: where its tag is in `out`, and whether anything but white space came since. */
  const opened: { at: number; filled: boolean }[] = []
  const fill = () => {
    if (opened.length > 0) opened[opened.length - 1].filled = true
  }
  const text = (value: string) => {
    if (value === '') return
    out.push(value)
    if (/\S/.test(value)) fill()
  }
  /** Opening tags dropped for depth, by name: their closing tags go too. */
  const dropped = new Map<string, number>()
  /** How many of the open elements are inline. */
  let inline = 0
  const closeTo = (index: number) => {
    while (open.length > index) {
      const name = open.pop()!
      if (PHRASING.has(name)) inline--
      const { at, filled } = opened.pop()!
      if (!filled && PHRASING.has(name)) out[at] = ''
      else {
        out.push(`</${name}>`)
        fill()
      }
    }
  }
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      text(html.slice(i))
      break
    }
    text(html.slice(i, lt))
    i = lt
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    const closing = html[lt + 1] === '/'
    NAME.lastIndex = lt + (closing ? 2 : 1)
    const name = NAME.exec(html)?.[0].toLowerCase()
    if (!name) {
      // Not a tag ("a < b", "<3"): text, for the parser to read as such.
      text('<')
      i = lt + 1
      continue
    }
    const end = tagEnd(html, lt)
    // A tag that never ends takes the rest of the text with it, as in a browser.
    if (end < 0) break
    i = end
    if (closing) {
      const at = open.lastIndexOf(name)
      if (at >= 0) closeTo(at)
      else if ((dropped.get(name) ?? 0) > 0) dropped.set(name, dropped.get(name)! - 1)
      continue
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      const closer = new RegExp(`</${name}`, 'gi')
      closer.lastIndex = end
      const close = closer.exec(html)?.index ?? -1
      const after = close < 0 ? -1 : tagEnd(html, close)
      i = after < 0 ? html.length : after
      continue
    }
    const tag = html.slice(lt, end)
    if (VOID.has(name) || tag.endsWith('/>')) {
      out.push(tag)
      fill()
      continue
    }
    if (name === 'a' && open.includes('a')) closeTo(open.lastIndexOf('a'))
    if (!PHRASING.has(name)) {
      let top = open.length
      while (top > 0 && PHRASING.has(open[top - 1])) top--
      closeTo(top)
    }
    if (open.length >= maxDepth || (PHRASING.has(name) && inline >= MAX_INLINE_DEPTH)) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1)
      continue
    }
    fill()
    opened.push({ at: out.length, filled: false })
    out.push(tag)
    open.push(name)
    if (PHRASING.has(name)) inline++
  }
  closeTo(0)
  return out.join('')
}
