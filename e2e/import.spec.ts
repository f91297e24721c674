import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures/test'
import { gotoUntilGone } from './fixtures/instances'
import { signInAs } from './fixtures/sign-in'

test('an admin imports a WordPress export; its post, threads, page and old addresses work', async ({ page }) => {
  // The fixture's images point at a port where nothing answers: they are reported as kept remote.
  const xml = (await readFile('lib/wordpress/fixtures/plateau-threads.xml', 'utf8')).replaceAll('MEDIA_HOST', 'http://127.0.0.1:9')
  await signInAs(page, 'importing-admin@mail.example', 'admin', '/admin/import')
  await page.getByLabel('WordPress export file').setInputFiles({ name: 'threads.xml', mimeType: 'text/xml', buffer: Buffer.from('<rss><channel><item>') })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('The file is not well-formed XML')

  await page.getByLabel('WordPress export file').setInputFiles({ name: 'threads.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) })
  await page.getByRole('button', { name: 'Import' }).click()
  const report = page.getByRole('status').filter({ hasText: 'Imported' })
  await expect(report).toContainText('Imported from http://threads.example: 2 post(s), 1 page(s), 6 comment(s)')
  await expect(report).toContainText('6 comment(s), 1 mention(s)')

  // The old WordPress address of the post, with an old comment anchor, lands on that comment.
  await page.goto('/2019/04/12/talking-in-threads/#comment-103')
  await expect(page).toHaveURL(/\/posts\/talking-in-threads#comment-\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Talking in threads' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '3 Comments on “Talking in threads”' })).toBeVisible()
  const bea = page.locator('li.comment').filter({ has: page.getByRole('article', { name: 'Comment by Bea' }) })
  const wren = bea.locator(':scope > ol > li')
  await expect(wren.locator(':scope > article')).toContainText('The author answers Bea.')
  await expect(wren.locator(':scope > ol > li > article')).toContainText('A reply to Bea, written before her comment in this file.')
  await expect(page.locator(':focus')).toContainText('A reply to Bea')
  // A guest's website is kept and linked from their name, marked as user content.
  const website = page.getByRole('article', { name: 'Comment by Ada' }).getByRole('link', { name: 'Ada', exact: true })
  await expect(website).toHaveAttribute('href', 'https://ada.example/')
  await expect(website).toHaveAttribute('rel', 'nofollow ugc noopener')
  await expect(page.getByText('Buy now!')).toHaveCount(0)
  await expect(page.getByText('Still waiting for approval.')).toHaveCount(0)

  // The pingback is a mention, under the comments and counted apart; marked as spam, it goes.
  const mentions = page.getByRole('region', { name: '1 Mention' })
  await expect(mentions.getByRole('link', { name: 'Another Blog' })).toHaveAttribute('href', 'http://another.example/post')
  await expect(mentions).toContainText('Mentioned on Another Blog (another.example)')
  await page.goto('/admin/mentions?status=approved')
  await page.getByRole('button', { name: 'Spam: the mention on Another Blog' }).click()
  await expect(page.getByRole('status')).toHaveText('1 mention updated.')
  await gotoUntilGone(page, '/posts/talking-in-threads', page.getByRole('heading', { name: '3 Comments on “Talking in threads”' }), page.getByRole('region', { name: '1 Mention' }))

  // Other old addresses: /?p=, /?page_id=, /slug/ and /category/…/ redirect permanently. (The blog
  // already has an /pages/about, so the imported About page became about-2.)
  for (const [old, now] of [
    ['/?p=42', '/posts/talking-in-threads'],
    ['/?page_id=2', '/pages/about-2'],
    ['/2019/04/talking-in-threads/', '/posts/talking-in-threads'],
    ['/talking-in-threads/', '/posts/talking-in-threads'],
    ['/about/', '/pages/about-2'],
    ['/category/conversations/', '/tags/conversations'],
  ]) {
    const response = await page.request.get(old, { maxRedirects: 0 })
    expect(response.status(), old).toBe(301)
    expect(response.headers()['location'], old).toBe(now)
  }
  // The page is in the header's links.
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'About Threads Weekly' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'About Threads Weekly' })).toBeVisible()
  await expect(page.getByText('We write about conversations.')).toBeVisible()
})

test('every address a moved WordPress site gave still answers, and a feed reader at /feed/ gets the posts feed', async ({ page }) => {
  // Its sticky post is left unpinned here (a pinned post would head the home page other tests read),
  // and its photo points where nothing answers (it is reported as kept remote).
  const xml = (await readFile('lib/wordpress/fixtures/moved-addresses.xml', 'utf8'))
    .replace('<wp:is_sticky>1</wp:is_sticky>', '')
    .replace('http://moved.example/blog/wp-content/', 'http://127.0.0.1:9/wp-content/')
  await signInAs(page, 'moving-admin@mail.example', 'admin', '/admin/import')
  await page.getByLabel('WordPress export file').setInputFiles({ name: 'moved.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) })
  await page.getByRole('button', { name: 'Import' }).click()
  const report = page.getByRole('status').filter({ hasText: 'Imported' })
  await expect(report).toContainText('Imported from http://moved.example/blog: 4 post(s), 2 page(s)')
  await expect(report).toContainText('the old address /posts/someone-elses of “In the way”: it is one of this blog’s own addresses')
  await expect(report).toContainText('“Café notes”: [embed], [audio], [gallery], [contact-form-7]')

  // Each item's <link> and permalink guid as the export gives them (the blog now at the root of its
  // own address, where /blog was), followed to the page that shows that item's title.
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    title: /<title><!\[CDATA\[(.*?)\]\]><\/title>/.exec(item)![1],
    type: /<wp:post_type><!\[CDATA\[(\w+)\]\]>/.exec(item)![1],
    parent: /<wp:post_parent>(\d+)</.exec(item)?.[1],
    id: /<wp:post_id>(\d+)</.exec(item)![1],
    links: [/<link>(.*?)<\/link>/.exec(item)![1], /<guid isPermaLink="true">(.*?)<\/guid>/.exec(item)?.[1]].filter((l): l is string => Boolean(l)),
  }))
  const shownTitle = (title: string) => title.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&')
  let visited = 0
  for (const item of items.filter((i) => i.title !== 'In the way')) {
    const title = shownTitle(item.type === 'attachment' ? items.find((i) => i.id === item.parent)!.title : item.title)
    for (const link of item.links) {
      const url = new URL(link)
      const old = `${url.pathname.replace(/^\/blog/, '') || '/'}${url.search}`
      await page.goto(old)
      await expect(page.getByRole('heading', { level: 1, name: title }), `${old} shows “${title}”`).toBeVisible()
      visited++
    }
  }
  expect(visited).toBe(7)

  // A feed reader subscribed to the old blog's feed keeps getting posts.
  const feed = await page.request.get('/feed/')
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toContain('application/rss+xml')
  const channel = (xml: string) => /<channel>\s*<title>(.*?)<\/title>\s*<link>(.*?)<\/link>/.exec(xml)?.slice(1)
  const body = await feed.text()
  expect(channel(body)).toEqual(channel(await (await page.request.get('/feed.xml')).text()))
  expect(body).toContain('<item>')
})
