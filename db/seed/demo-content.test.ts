import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoComments, demoPost } from './demo-content'

// The demo must stay verbatim: every paragraph of the original is in the seed, word for word.
const source = fs.readFileSync(path.join(import.meta.dirname, 'source', 'the-social-media-plateau.txt'), 'utf8')
const lines = source.split('\n')
const paragraphs = (from: number, to: number) =>
  lines
    .slice(from, to)
    .map((l) => l.trim().replace(/^\d+\.\s+/, ''))
    .filter(Boolean)

describe('demo content', () => {
  it('has the post body verbatim, the quote as a blockquote', () => {
    const start = lines.indexOf('SimonDigital3 Comments') + 1
    const end = lines.findIndex((l) => l.startsWith('Image credit'))
    const expected = paragraphs(start, end)
    const actual = demoPost.body.split('\n\n')
    expect(actual.map((p) => p.replace(/^> /, ''))).toEqual(expected)
    expect(actual.filter((p) => p.startsWith('> '))).toHaveLength(1)
    expect(actual.find((p) => p.startsWith('> '))).toMatch(/^> Yet the major problem in 2013/)
  })

  it('has the three comments verbatim, in thread order', () => {
    const start = lines.findIndex((l) => l.startsWith('3 Comments on'))
    const end = lines.findIndex((l) => l.startsWith('Leave a Reply'))
    const expected = paragraphs(start + 1, end)
    expect(demoComments.flatMap((c) => c.body.split('\n\n'))).toEqual(expected)
    expect(demoComments.map((c) => c.replyTo)).toEqual([undefined, undefined, 1])
    expect(demoComments[2].body.startsWith('Hi Richard – thanks for replying')).toBe(true)
  })
})
