import { parseFeed } from '@rowanmanning/feed-parser'
import { expect, test } from './fixtures/test'

test('every page points feed readers at the feeds, and the feeds parse', async ({ page, request }) => {
  await page.goto('/')
  await expect(page.locator('head link[type="application/rss+xml"][title="Posts (RSS)"]')).toHaveAttribute(
    'href',
    '/feed.xml',
  )
  await expect(page.locator('head link[type="application/atom+xml"][title="Posts (Atom)"]')).toHaveAttribute(
    'href',
    '/feed.atom',
  )
  await expect(page.locator('head link[type="application/feed+json"][title="Posts (JSON Feed)"]')).toHaveAttribute(
    'href',
    '/feed.json',
  )

  for (const [path, type] of [
    ['/feed.xml', 'application/rss+xml'],
    ['/feed.atom', 'application/atom+xml'],
  ] as const) {
    const response = await request.get(path)
    expect(response.headers()['content-type']).toContain(type)
    const feed = parseFeed(await response.text())
    expect(feed.items.map((i) => i.title)).toContain('The social media plateau?')
  }
  const json = await (await request.get('/feed.json')).json()
  expect(json.version).toBe('https://jsonfeed.org/version/1.1')

  await page.goto('/posts/the-social-media-plateau')
  const commentsFeed = page.locator('head link[type="application/rss+xml"][title^="Comments on"]')
  await expect(commentsFeed).toHaveAttribute('href', '/posts/the-social-media-plateau/comments/feed.xml')
  const comments = parseFeed(await (await request.get('/posts/the-social-media-plateau/comments/feed.xml')).text())
  expect(comments.items.map((i) => i.title)).toEqual([
    'SimonDigital on “The social media plateau?”',
    'Richard on “The social media plateau?”',
    'Joe Bloggs on “The social media plateau?”',
  ])
  const atom = parseFeed(await (await request.get('/posts/the-social-media-plateau/comments/feed.atom')).text())
  expect(atom.items).toHaveLength(3)
  expect(atom.items[2].url).toMatch(/\/c\/\d+$/)
  const siteComments = await (await request.get('/comments/feed.json')).json()
  expect(siteComments.items.map((i: { title: string }) => i.title)).toContain('Richard on “The social media plateau?”')
})

test('a tag page offers its own feed', async ({ page, request }) => {
  await page.goto('/tags/local-government')
  await expect(page.locator('head link[type="application/rss+xml"][title^="Posts tagged"]')).toHaveAttribute(
    'href',
    '/tags/local-government/feed.xml',
  )
  const feed = parseFeed(await (await request.get('/tags/local-government/feed.xml')).text())
  expect(feed.items.map((i) => i.title)).toEqual(['The social media plateau?'])
  expect((await request.get('/tags/no-such-tag/feed.json')).status()).toBe(404)
})

test('search engines find a sitemap and robots.txt', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m)
  expect(robots).toContain('Disallow: /admin')
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toMatch(
    /<loc>http:\/\/localhost:\d+\/posts\/the-social-media-plateau<\/loc><lastmod>2013-03-18T09:12:00.000Z<\/lastmod>/,
  )
})
