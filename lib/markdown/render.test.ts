import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_COMMENT_LENGTH } from '@/lib/comments/posting'
import { timeBound } from '@/lib/testing/cost'
import { escapedParagraphs, renderCommentMarkdown, renderPostMarkdown } from './render'

describe('renderPostMarkdown', () => {
  it('renders CommonMark and GFM', () => {
    const html = renderPostMarkdown(
      '# Title\n\n> quoted\n\n~~gone~~ and **bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n\nsee www.example.com',
    )
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<del>gone</del>')
    expect(html).toContain('<table>')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<li><input type="checkbox" disabled checked> done</li>')
    expect(html).toContain('<li><input type="checkbox" disabled> to do</li>')
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>')
  })

  it('shows raw HTML as the text it is: no script, no element, no event handler', () => {
    const html = renderPostMarkdown(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="#" onclick="x()">a</a>',
    )
    expect(html).not.toMatch(/<script|<img|<a /)
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
  })

  it('links only to http(s), mailto and its own addresses', () => {
    const html = renderPostMarkdown(
      '[a](javascript:alert(1)) [b](data:text/html,x) [e](java\tscript:x) [c](https://example.com) [d](mailto:a@b.c) [f](/posts/x) <javascript:alert(1)>',
    )
    expect(html).not.toMatch(/href="(javascript|data|java)/i)
    expect(html).toContain('href="https://example.com"')
    expect(html).toContain('href="mailto:a@b.c"')
    expect(html).toContain('href="/posts/x"')
  })

  it('keeps images in posts', () => {
    expect(renderPostMarkdown('![a cat](https://example.com/cat.jpg)')).toBe(
      '<p><img src="https://example.com/cat.jpg" alt="a cat" loading="lazy" decoding="async"></p>',
    )
  })
})

describe('renderCommentMarkdown', () => {
  it('allows emphasis, links, lists, quotes and code', () => {
    const html = renderCommentMarkdown(
      '*hi* [site](https://example.com)\n\n- one\n\n> q\n\n`code`\n\n```js\nx < 1\n```',
    )
    expect(html).toContain('<em>hi</em>')
    expect(html).toContain('<li>one</li>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<pre><code>x &lt; 1\n</code></pre>')
  })

  it('marks links as user content, bare addresses too', () => {
    expect(renderCommentMarkdown('[x](https://example.com)')).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener">x</a>',
    )
    expect(renderCommentMarkdown('at https://example.com/a.')).toContain(
      '<a href="https://example.com/a" rel="nofollow ugc noopener">https://example.com/a</a>.',
    )
  })

  it('shows an image as a link to it, and headings and raw HTML as text', () => {
    const html = renderCommentMarkdown(
      '# Loud\n\n![pic](https://example.com/a.png)\n\n<b>bold</b> <iframe src="https://x"></iframe>',
    )
    expect(html).not.toMatch(/<img|<h1|<b>|<iframe/)
    expect(html).toContain('<p># Loud</p>')
    expect(html).toContain('<a href="https://example.com/a.png" rel="nofollow ugc noopener">pic</a>')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
  })
})

// What a stranger can send costs no more than its length says. The shapes of the issue that found
// remark taking 16 s on 10 kB (nested list markers, quotes, emphasis, images), then random text made
// of Markdown's own punctuation: every one renders within a bound proportional to its size.
describe('the cost of rendering', () => {
  const n = MAX_COMMENT_LENGTH - 1
  const shapes: Record<string, string> = {
    'nested list markers': '- '.repeat(n / 2) + 'x',
    'a star rule': '* '.repeat(2000),
    'nested quotes': '>'.repeat(n),
    'quotes a thousand deep': '> '.repeat(1000) + 'x',
    'nested emphasis': '*a '.repeat(1666) + 'b' + ' a*'.repeat(1666),
    'nested strong': '**a '.repeat(1250) + 'b' + ' a**'.repeat(1250),
    'nested images': '![a'.repeat(1000) + '](u)'.repeat(1000),
    'nested links': '[a'.repeat(1000) + '](u)'.repeat(1000),
    'open brackets': '['.repeat(n),
    'open images': '!['.repeat(n / 2),
    'links everywhere': '[a](http://u.example/x) '.repeat(400),
    'bare addresses': 'http://'.repeat(n / 7),
    'a list of a thousand items': '- item\n'.repeat(1400),
    'a wide table': '|a'.repeat(n / 4) + '\n' + '|-'.repeat(n / 4),
  }

  for (const [shape, text] of Object.entries(shapes)) {
    it(`renders ${shape} (${text.length} characters) quickly, without throwing`, () => {
      for (const render of [renderCommentMarkdown, renderPostMarkdown]) {
        const { value, ms } = timeBound(() => render(text))
        expect(value.length).toBeGreaterThan(0)
        expect(ms).toBeLessThan(250)
      }
    })
  }

  const punctuation = fc.constantFrom(
    '*',
    '_',
    '**',
    '[',
    ']',
    '(',
    ')',
    '![',
    '](',
    '<',
    '>',
    '`',
    '~~',
    '|',
    '- ',
    '* ',
    '> ',
    '1. ',
    '\n',
    '\n\n',
    '    ',
    '\\',
    '&amp;',
    '# ',
    'a',
    'www.',
    'http://',
    '@',
    '[a]: ',
    '```',
    '\t',
    ' ',
    '<!--',
    '-->',
  )
  /** Text of up to `max` characters: a few of Markdown's marks, repeated or mixed. */
  const markdownish = (max: number) =>
    fc.oneof(
      fc.array(punctuation, { minLength: 1, maxLength: 6 }).map((unit) =>
        unit
          .join('')
          .repeat(Math.ceil(max / unit.join('').length))
          .slice(0, max),
      ),
      fc.array(punctuation, { maxLength: max / 2 }).map((parts) => parts.join('').slice(0, max)),
    )

  it('renders random Markdown of up to 10 kB within 20 µs a character plus 20 ms (ten times what was measured), always as HTML', () => {
    fc.assert(
      fc.property(markdownish(MAX_COMMENT_LENGTH), (text) => {
        for (const render of [renderCommentMarkdown, renderPostMarkdown]) {
          const { value, ms } = timeBound(() => render(text))
          expect(typeof value).toBe('string')
          expect(ms).toBeLessThan(20 + text.length * 0.02)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('escapes text it shows as typed', () => {
    expect(escapedParagraphs('a <b>\nc\n\n\n"d" & e')).toBe('<p>a &lt;b&gt;<br>\nc</p>\n<p>&quot;d&quot; &amp; e</p>')
  })
})
