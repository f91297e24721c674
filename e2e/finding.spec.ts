import { expect, test } from './fixtures/test'
import { longThread } from './fixtures/content'

const LONG = `/posts/${longThread.slug}`

test('a reader goes from a tag to a long conversation, to page 3 of its comments, and a link to a comment there finds it', async ({
  page,
  request,
}) => {
  await page.goto(`/tags/${longThread.tag.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: `Posts tagged “${longThread.tag.name}”` })).toBeVisible()
  await page.getByRole('link', { name: longThread.title }).click()
  await expect(page).toHaveURL(LONG)
  const comments = page.getByRole('region', { name: /Comments on “A long conversation”/ })
  await expect(comments.getByRole('heading', { level: 2 })).toHaveText(
    `${longThread.topLevel + longThread.depth - 1} Comments on “${longThread.title}”`,
  )
  await expect(comments.getByText('Comment number 50.', { exact: true })).toBeVisible()
  await expect(comments.getByText('Comment number 51.', { exact: true })).toHaveCount(0)

  await comments
    .getByRole('navigation', { name: 'Comment pages' })
    .first()
    .getByRole('link', { name: 'Comments page 3' })
    .click()
  await expect(page).toHaveURL(`${LONG}/comments/page/3#comments`)
  const target = page.locator('li.comment').filter({ hasText: 'Comment number 110.' })
  const id = (await target.getAttribute('id'))!.replace('comment-', '')

  // An old-style anchor on the post's first page: the page's script follows the comment's short link.
  await page.goto(`${LONG}#comment-${id}`)
  await expect(page).toHaveURL(`${LONG}/comments/page/3#comment-${id}`)
  await expect(page.locator(`#comment-${id}`)).toBeFocused()

  // The short link itself, as shared or followed without script.
  const response = await request.get(`/c/${id}`, { maxRedirects: 0 })
  expect(response.status()).toBe(301)
  expect(response.headers().location).toBe(`${LONG}/comments/page/3#comment-${id}`)
})

test('a deep branch continues on its own page, and back', async ({ page }) => {
  await page.goto(LONG)
  const deepest = page.getByRole('article', { name: 'Comment by Replier 4' })
  await expect(deepest).toBeVisible()
  await expect(page.getByText('Reply at level 5.')).toHaveCount(0)
  await page.getByRole('link', { name: /Continue this thread/ }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Thread from Replier 4’s comment on “A long conversation”' }),
  ).toBeVisible()
  await expect(page.getByText('Reply at level 7.')).toBeVisible()
  await page.getByRole('link', { name: `← All comments on “${longThread.title}”` }).click()
  await expect(page.getByRole('heading', { level: 1, name: longThread.title })).toBeVisible()
})

test('search finds posts from the box on every page, marks the words, and helps with odd queries', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search posts' }).fill('plateau social')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search\?q=plateau\+social/)
  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “plateau social”' })).toBeVisible()
  const result = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'The social media plateau?' }) })
  await expect(result.locator('mark').first()).toBeVisible()

  await page.goto('/search?q=zyzzyvas+quux')
  await expect(page.getByRole('status')).toContainText('Nothing matched every word')
  await page.goto('/search?q=%22%28%29*%3F')
  await expect(page.getByRole('status')).toContainText('words or numbers')
  await page.goto('/search')
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  for (const query of [
    '?q=%E0%A4%A',
    '?q=a&q=b',
    `?q=${'x'.repeat(3000)}`,
    '?q=plateau&page=999',
    '?q=plateau&page=-1',
  ]) {
    const response = await page.goto(`/search${query}`)
    expect(response?.status(), query).toBe(200)
  }
})

test('a byline leads to the author’s page and the date to its month; both have their own titles', async ({
  page,
  request,
}) => {
  await page.goto('/posts/the-social-media-plateau')
  const byline = page.getByRole('article').locator('.post-meta')
  await byline.getByRole('link', { name: 'SimonDigital' }).click()
  await expect(page).toHaveURL('/authors/simondigital')
  await expect(page).toHaveTitle(/^Posts by SimonDigital – /)
  await expect(page.getByRole('link', { name: 'The social media plateau?' })).toBeVisible()
  expect((await request.get('/authors/simondigital/feed.atom')).headers()['content-type']).toContain(
    'application/atom+xml',
  )

  await page.goto('/posts/the-social-media-plateau')
  await byline.getByRole('link', { name: '18 March 2013' }).click()
  await expect(page).toHaveURL('/2013/03')
  await expect(page.getByRole('heading', { level: 1, name: 'Posts from March 2013' })).toBeVisible()
  await page.goto('/2011')
  await expect(page.getByRole('heading', { level: 1, name: 'Posts from 2011' })).toBeVisible()
  await page.getByRole('link', { name: 'Older posts' }).click()
  await expect(page).toHaveURL('/2011/page/2')
})

test('a post links to the posts before and after it', async ({ page }) => {
  await page.goto('/posts/archive-post-5')
  await page.getByRole('link', { name: /Next post.*Archive post 6/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Archive post 6' })).toBeVisible()
  await page.getByRole('link', { name: /Previous post.*Archive post 5/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Archive post 5' })).toBeVisible()
})

test('unknown tags, authors, dates and pages are a 404, never an error', async ({ request }) => {
  for (const path of [
    '/tags/no-such-tag',
    '/tags/local-government/page/9',
    '/tags/local-government/page/abc',
    '/authors/nobody',
    '/authors/simondigital/page/2',
    '/authors/nobody/feed.xml',
    '/1999',
    '/2013/13',
    '/2013/3',
    '/2013/04',
    '/not-a-year',
    '/2013/03/page/0',
    `${LONG}/comments/page/4`,
    `${LONG}/comments/page/1`,
    `${LONG}/thread/999999`,
    `${LONG}/thread/abc`,
    '/page/999',
    '/c/abc',
  ]) {
    const response = await request.get(path, { maxRedirects: 0 })
    // Next 16.4 answers a streamed page's notFound() with 200 (vercel/next.js#95380), so what a
    // person sees is checked too.
    expect([404, 200], path).toContain(response.status())
    if (response.status() === 200) expect(await response.text(), path).toContain('Page not found')
  }
})
