import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures/test'
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
  await expect(report).toContainText('comment 106 on “Talking in threads”: a pingback')

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
  await expect(page.getByText('Buy now!')).toHaveCount(0)
  await expect(page.getByText('Still waiting for approval.')).toHaveCount(0)

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
