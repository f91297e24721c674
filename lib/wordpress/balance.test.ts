import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { timeBound } from '@/lib/testing/cost'
import { balanceHtml, MAX_DEPTH, MAX_INLINE_DEPTH } from './balance'
import { htmlToMarkdown, wordpressToMarkdown, wordpressToText } from './content'

describe('balancing HTML from elsewhere', () => {
  it('closes what was left open, drops what closes nothing, and keeps the text', () => {
    expect(balanceHtml('<p>one <b>two <i>three</b> four')).toBe('<p>one <b>two <i>three</i></b> four</p>')
    expect(balanceHtml('a</div> <em>b</em></span>')).toBe('a <em>b</em>')
    expect(balanceHtml('<a href="/x">one <a href="/y">two</a>')).toBe('<a href="/x">one </a><a href="/y">two</a>')
    expect(balanceHtml('x < y, <3 <br> <img src="a.png" alt="a > b"> <hr/>')).toBe(
      'x < y, <3 <br> <img src="a.png" alt="a > b"> <hr/>',
    )
  })

  it('drops comments, scripts and styles with their content, and empty inline elements', () => {
    expect(
      balanceHtml('a<!-- note -->b<script>alert("</p>")</script>c<style>p{}</STYLE>d<a href="x"></a><span> </span>e'),
    ).toBe('abcd e')
    expect(balanceHtml('<table><tr><td></td><td>x</td></tr></table>')).toBe(
      '<table><tr><td></td><td>x</td></tr></table>',
    )
  })

  it(`keeps the text of what is nested deeper than ${MAX_DEPTH} levels, without its tags`, () => {
    const html = balanceHtml(`${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`)
    expect(html).toBe(`${'<div>'.repeat(MAX_DEPTH)}deep${'</div>'.repeat(MAX_DEPTH)}`)
  })

  it(`keeps at most ${MAX_INLINE_DEPTH} inline elements around each other, and none around a block`, () => {
    expect(balanceHtml(`${'<i>'.repeat(20)}x`)).toBe(
      `${'<i>'.repeat(MAX_INLINE_DEPTH)}x${'</i>'.repeat(MAX_INLINE_DEPTH)}`,
    )
    expect(balanceHtml('<p><b>bold <div>block</div> after</b></p>')).toBe('<p><b>bold </b><div>block</div> after</p>')
  })
})

// What an imported post or comment holds is someone else's HTML, a stranger's on a busy blog: its
// conversion costs no more than its length says, whatever its shape.
describe('the cost of converting HTML', () => {
  const shapes: Record<string, string> = {
    'nested divs': '<div>'.repeat(5000) + 'x',
    'nested links': '<a href="x">'.repeat(5000) + 'a',
    'empty links': '<p>' + '<a href="x"></a>'.repeat(5000),
    'nested bold': '<b>'.repeat(10_000) + 'b',
    'images in nested italics': '<i><img src="y">'.repeat(1200),
    'images in italics in divs': '<div><i><img src="y">'.repeat(1000),
    'misnested formatting': '<b><i>'.repeat(3000) + '</b>'.repeat(3000),
    'nested tables': '<table><tr><td>'.repeat(2000),
    'captions never closed': '[caption]'.repeat(10_000),
    'quotes never closed': '<a "'.repeat(5000),
  }
  for (const [shape, html] of Object.entries(shapes)) {
    it(`converts ${shape} (${html.length} characters) quickly, without throwing`, () => {
      for (const convert of [(h: string) => wordpressToMarkdown(h, new Set()), htmlToMarkdown, wordpressToText]) {
        const { ms } = timeBound(() => convert(html))
        expect(ms).toBeLessThan(2000)
      }
    })
  }

  const markup = fc.constantFrom(
    '<p>',
    '</p>',
    '<div>',
    '</div>',
    '<a href="x">',
    '</a>',
    '<b>',
    '</b>',
    '<i>',
    '<table>',
    '<tr>',
    '<td>',
    '<ul>',
    '<li>',
    '<br>',
    '<img src="y">',
    '<!--',
    '-->',
    '<script>',
    '</script>',
    '"',
    "'",
    '<',
    '>',
    '&amp;',
    'text ',
    '\n\n',
    '[caption]',
    '[/caption]',
    '[embed]',
    '[gallery ids="1"]',
    '<blockquote>',
    '<pre>',
    '<code>',
    '</',
  )
  it('converts random markup of up to 20 kB within 100 µs a character plus 100 ms', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(markup, { minLength: 1, maxLength: 5 }).map((unit) =>
            unit
              .join('')
              .repeat(Math.ceil(20_000 / unit.join('').length))
              .slice(0, 20_000),
          ),
          fc.array(markup, { maxLength: 4000 }).map((parts) => parts.join('')),
        ),
        (html) => {
          const { ms } = timeBound(() => [wordpressToMarkdown(html, new Set()), wordpressToText(html)])
          expect(ms).toBeLessThan(100 + html.length * 0.1)
        },
      ),
      { numRuns: 60 },
    )
  })
})
