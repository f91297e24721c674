import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readDisqus } from '@/lib/disqus/read'
import { timeBoundAsync } from '@/lib/testing/cost'
import { readWxr } from '@/lib/wordpress/wxr'
import { ImportFileError } from '@/lib/xml'

// An export is a file from elsewhere, and its comments are strangers' words: reading one costs no
// more than its length says, and a broken one is refused with a sentence, never a crash.

const WXR_HEAD =
  '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><wp:base_site_url>https://old.example</wp:base_site_url>'
const DISQUS_HEAD =
  '<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
const parts = fc.constantFrom(
  '<item>',
  '</item>',
  '<title>',
  '</title>',
  '<wp:comment>',
  '</wp:comment>',
  '<wp:comment_content><![CDATA[',
  ']]>',
  '</wp:comment_content>',
  '<content:encoded>',
  '</content:encoded>',
  '<post dsq:id="1">',
  '</post>',
  '<thread dsq:id="2">',
  '</thread>',
  '<message>',
  '</message>',
  '&amp;',
  '&lt;b&gt;',
  '<',
  '>',
  'text',
  '<!--',
  '-->',
  '<![CDATA[',
  '<a href="x">',
  '<x>',
  '</x>',
  '<?p?>',
  '"',
  '\n',
)

async function* once(text: string) {
  yield text
}

/** Reads `text` with `read`: it ends, or refuses the file with an ImportFileError; anything else is a bug. */
async function readsOrRefuses(
  read: (chunks: AsyncIterable<string>) => Promise<unknown>,
  text: string,
): Promise<number> {
  const { ms } = await timeBoundAsync(async () => {
    try {
      await read(once(text))
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
    }
  })
  return ms
}

describe('reading exports', () => {
  const shapes = (head: string): Record<string, string> => ({
    'nested elements': head + '<x>'.repeat(20_000),
    'a long text': head + 'a'.repeat(200_000),
    entities: head + '<title>' + '&amp;'.repeat(40_000) + '</title>',
    'a bomb without a DOCTYPE': head + '&lol;'.repeat(10_000),
    'a DOCTYPE with entities':
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      head +
      '&lol2;'.repeat(1000),
  })
  for (const [what, read] of [
    ['a WordPress export', (c: AsyncIterable<string>) => readWxr(c, async () => {})],
    ['a Disqus export', (c: AsyncIterable<string>) => readDisqus(c, async () => {})],
  ] as const) {
    for (const [shape, text] of Object.entries(shapes(what === 'a Disqus export' ? DISQUS_HEAD : WXR_HEAD))) {
      it(`reads or refuses ${what} of ${shape} quickly`, async () => {
        expect(await readsOrRefuses(read, text)).toBeLessThan(3000)
      })
    }

    it(`reads or refuses ${what} of random parts within 20 µs a character plus 50 ms`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(parts, { maxLength: 5000 }), async (list) => {
          const text = (what === 'a Disqus export' ? DISQUS_HEAD : WXR_HEAD) + list.join('')
          expect(await readsOrRefuses(read, text)).toBeLessThan(50 + text.length * 0.02)
        }),
        { numRuns: 60 },
      )
    })
  }

  it('refuses an export nested deeper than any export is, saying so', async () => {
    await expect(readWxr(once(WXR_HEAD + '<x>'.repeat(1000)), async () => {})).rejects.toMatchObject({
      refusal: 'tooDeep',
      message: expect.stringContaining('more than 32 levels deep, which no WordPress export does'),
    })
  })
})
