import { describe, expect, it } from 'vitest'
import { renderCommentMarkdown, renderPostMarkdown } from './render'

describe('renderPostMarkdown', () => {
  it('renders CommonMark and GFM', () => {
    const html = renderPostMarkdown('# Title\n\n> quoted\n\n~~gone~~ and **bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done')
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<del>gone</del>')
    expect(html).toContain('<table>')
    expect(html).toContain('<strong>bold</strong>')
  })

  it('drops raw HTML, scripts and event handlers', () => {
    const html = renderPostMarkdown('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="#" onclick="x()">a</a>')
    expect(html).not.toMatch(/<script|onerror|onclick|alert\(1\)<\/script>/)
  })

  it('removes javascript: and data: links but keeps http and mailto', () => {
    const html = renderPostMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com) [d](mailto:a@b.c)')
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('data:')
    expect(html).toContain('href="https://example.com"')
    expect(html).toContain('href="mailto:a@b.c"')
  })

  it('keeps images in posts', () => {
    expect(renderPostMarkdown('![a cat](https://example.com/cat.jpg)')).toContain('<img src="https://example.com/cat.jpg" alt="a cat" loading="lazy" decoding="async">')
  })
})

describe('renderCommentMarkdown', () => {
  it('allows emphasis, links, lists, quotes and code', () => {
    const html = renderCommentMarkdown('*hi* [site](https://example.com)\n\n- one\n\n> q\n\n`code`')
    expect(html).toContain('<em>hi</em>')
    expect(html).toContain('<li>one</li>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<code>code</code>')
  })

  it('marks links as user content', () => {
    expect(renderCommentMarkdown('[x](https://example.com)')).toContain('<a href="https://example.com" rel="nofollow ugc noopener">x</a>')
  })

  it('drops images, headings and raw HTML but keeps their words', () => {
    const html = renderCommentMarkdown('# Loud\n\n![pic](https://example.com/a.png)\n\n<b>bold</b> <iframe src="https://x"></iframe>')
    expect(html).not.toMatch(/<img|<h1|<b>|<iframe/)
    expect(html).toContain('Loud')
  })
})
