import type { Page } from '@playwright/test'
import { expect, test } from './fixtures/test'
import { aboutPage, draftSlug, hostilePost, privacyPost, scheduledSlug } from './fixtures/content'
import { BLOG_URL } from './fixtures/auth-config'

const DEMO = '/posts/the-social-media-plateau'

async function expectDemoPost(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'The social media plateau?' })).toBeVisible()
  const article = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) })
  await expect(article.getByText('By SimonDigital')).toBeVisible()
  await expect(article.locator('time').first()).toHaveAttribute('datetime', '2013-03-18T09:12:00.000Z')
  await expect(page.getByRole('img', { name: /flat-topped plateau/ })).toBeVisible()
  await expect(page.getByText('Image credit: Mark Hunter')).toBeVisible()
  await expect(page.locator('blockquote')).toContainText('Yet the major problem in 2013')
  await expect(page.getByRole('listitem').filter({ hasText: 'Local government' })).toBeVisible()

  const comments = page.getByRole('region', { name: '3 Comments on “The social media plateau?”' })
  await expect(comments).toBeVisible()

  // The tree itself: two top-level comments, and the reply inside the second one's list.
  const topLevel = comments.locator(':scope > ol > li')
  await expect(topLevel).toHaveCount(2)
  await expect(topLevel.nth(0)).toContainText('You’ve absolutely hit the nail on the head Simon.')
  await expect(topLevel.nth(0).locator('ol')).toHaveCount(0)
  await expect(topLevel.nth(1).locator(':scope > article')).toContainText('Am pleased you disagree.')
  const replies = topLevel.nth(1).locator(':scope > ol > li')
  await expect(replies).toHaveCount(1)
  await expect(replies.first()).toContainText('Hi Richard – thanks for replying. Good to have the debate.')

  for (const [i, author] of (['Joe Bloggs', 'Richard', 'SimonDigital'] as const).entries()) {
    const comment = comments.getByRole('article', { name: `Comment by ${author}` })
    await expect(comment).toBeVisible()
    const item = comments.locator('li.comment').nth(i)
    const id = await item.getAttribute('id')
    expect(id).toMatch(/^comment-\d+$/)
    await expect(comment.getByRole('link', { name: /\d{4} at \d\d:\d\d/ })).toHaveAttribute('href', `#${id}`)
    await expect(comment.locator('time')).toHaveAttribute('datetime', /^2013-03-1[89]T/)
    await expect(comment.getByRole('link', { name: `Reply to ${author}` })).toBeVisible()
  }
  await expect(comments.getByRole('article', { name: 'Comment by SimonDigital' }).locator('.avatar')).toHaveText('SD')
  await expect(page.getByRole('region', { name: 'Leave a Reply' })).toContainText(/sign/i)
}

/**
 * The demo post's summary, found as a reader would: on the home page, or a few pages older (posts the
 * other tests publish come before it).
 */
async function demoSummary(page: Page) {
  await page.goto('/')
  const summary = page.getByRole('article').filter({ hasText: 'The social media plateau?' })
  for (let older = 2; (await summary.count()) === 0 && older <= 4; older++) {
    await page.getByRole('link', { name: 'Older posts' }).click()
    await expect(page).toHaveURL(`/page/${older}`)
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible()
  }
  return summary
}

test('a reader goes from the home page to the demo post and its threaded comments', async ({ page }) => {
  const summary = await demoSummary(page)
  await expect(summary.getByText('By SimonDigital')).toBeVisible()
  await expect(summary.getByText('18 March 2013')).toBeVisible()
  await expect(summary.getByRole('link', { name: '3 Comments' })).toBeVisible()
  await expect(summary).toContainText('I’ve spent some of the weekend reading')
  await summary.getByRole('link', { name: 'The social media plateau?' }).click()
  await expect(page).toHaveURL(DEMO)
  await expectDemoPost(page)
  // Its illustration is a file of the blog's own (public/), and it arrives.
  const illustration = page.getByRole('main').locator('img').first()
  await expect
    .poll(() => illustration.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
})

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false })

  test('the home page and the post show everything', async ({ page }) => {
    await (await demoSummary(page)).getByRole('link', { name: 'The social media plateau?' }).click()
    await expect(page).toHaveURL(DEMO)
    await expectDemoPost(page)
  })
})

test('a comment permalink lands on that comment', async ({ page }) => {
  await page.goto(DEMO)
  const reply = page.getByRole('article', { name: 'Comment by SimonDigital' })
  const id = await page.locator('li.comment').nth(2).getAttribute('id')
  await page.goto(`${DEMO}#${id}`)
  await expect(reply).toBeInViewport()
})

test('the home page pages through older posts', async ({ page }) => {
  await page.goto('/')
  // By role: Next keeps the page navigated away from in the DOM, hidden, for the back button.
  const titles = page.getByRole('main').getByRole('heading', { level: 2 })
  await expect(titles).toHaveCount(10)
  const first = await titles.allTextContents()
  await page.getByRole('link', { name: 'Older posts' }).click()
  await expect(page).toHaveURL('/page/2')
  // Other tests may publish posts meanwhile, so the split is checked, not exact totals.
  await expect(titles.first()).toBeVisible()
  const second = await titles.allTextContents()
  expect(second.length).toBeGreaterThan(0)
  expect(second.filter((t) => first.includes(t))).toEqual([])
  // The older fixture posts, newest first, continue where the first page stopped.
  const archived = (titles: string[]) =>
    titles.filter((t) => /^Archive post \d+$/.test(t)).map((t) => Number(t.split(' ')[2]))
  expect(archived(second).length).toBeGreaterThan(0)
  expect(Math.max(...archived(second))).toBeLessThan(Math.min(...archived(first), Infinity))
  await page.getByRole('link', { name: 'Newer posts' }).click()
  await expect(page).toHaveURL('/')
})

test('page 1 redirects to the home page', async ({ page }) => {
  await page.goto('/page/1')
  await expect(page).toHaveURL('/')
})

for (const [what, path] of [
  ['an unknown post', '/posts/no-such-post'],
  ['a draft', `/posts/${draftSlug}`],
  ['a scheduled post', `/posts/${scheduledSlug}`],
  ['a page past the end', '/page/100000'],
  ['a malformed page number', '/page/two'],
  ['an unknown address', '/no/such/thing'],
] as const) {
  test(`${what} answers 404 with a friendly page`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Go to the latest posts' })).toBeVisible()
  })
}

test('only approved comments are shown, and no email address reaches the page', async ({ page }) => {
  const response = await page.goto(`/posts/${privacyPost.slug}`)
  const html = (await response?.text()) ?? ''
  await expect(page.getByRole('heading', { name: `1 Comment on “${privacyPost.title}”` })).toBeVisible()
  await expect(page.getByText(privacyPost.approvedText)).toBeVisible()
  expect(html).toContain(privacyPost.approvedText)
  expect(html).not.toContain(privacyPost.pendingText)
  expect(html).not.toContain(privacyPost.spamText)
  expect(html).not.toContain(privacyPost.email)
  expect(html).not.toContain('guest-secret')
})

test('Markdown with scripts, handlers and javascript: links is rendered harmless', async ({ page }) => {
  await page.goto(`/posts/${hostilePost.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: hostilePost.title })).toBeVisible()
  await expect(page.getByRole('link', { name: 'a good one' })).toHaveAttribute('href', 'https://example.com/')
  expect(await page.getByText('a bad link').evaluate((el) => el.closest('a')?.getAttribute('href') ?? null)).toBeNull()
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined()
  expect(await page.locator('main script:not([type="application/ld+json"])').count()).toBe(0)
  expect(await page.locator('main [onerror]').count()).toBe(0)
})

test('a reader follows a tag from a post to the other posts with it', async ({ page }) => {
  await page.goto(DEMO)
  await page.getByRole('link', { name: 'Local government' }).click()
  await expect(page).toHaveURL('/tags/local-government')
  await expect(page.getByRole('heading', { level: 1, name: 'Posts tagged “Local government”' })).toBeVisible()
  await page.getByRole('link', { name: 'The social media plateau?' }).click()
  await expect(page).toHaveURL(DEMO)
  for (const path of ['/tags/no-such-tag', '/tags/local-government/page/2', '/tags/local-government/page/one']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible()
  }
})

test('the post page tells search engines about the post, its image credit and its comments', async ({ page }) => {
  await page.goto(DEMO)
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(data).toMatchObject({
    '@type': 'BlogPosting',
    headline: 'The social media plateau?',
    commentCount: 3,
    image: { creditText: 'Mark Hunter' },
  })
  expect(data.comment.map((c: { author: { name: string } }) => c.author.name)).toEqual([
    'Joe Bloggs',
    'Richard',
    'SimonDigital',
  ])
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${BLOG_URL}${DEMO}`)
})

test('a short comment link opens the post at that comment; the post says how long it takes to read', async ({
  page,
  request,
}) => {
  await page.goto(DEMO)
  await expect(page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) })).toContainText(
    /\d+ min read/,
  )
  const id = (await page.locator('li.comment').nth(1).getAttribute('id'))!.replace('comment-', '')
  const response = await request.get(`/c/${id}`, { maxRedirects: 0 })
  expect(response.status()).toBe(301)
  expect(response.headers()['location']).toBe(`${DEMO}#comment-${id}`)
  await page.goto(`/c/${id}`)
  await expect(page).toHaveURL(`${DEMO}#comment-${id}`)
  await expect(page.getByRole('article', { name: 'Comment by Richard' })).toBeInViewport()
  expect((await request.get('/c/999999', { maxRedirects: 0 })).status()).toBe(404)
})

test('a reader opens a page from the header: no byline, no comments, not among the posts', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('main').getByRole('link', { name: aboutPage.title })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: aboutPage.title }).click()
  await expect(page).toHaveURL(`/pages/${aboutPage.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: aboutPage.title })).toBeVisible()
  await expect(page.getByText('Who writes here, and why.')).toBeVisible()
  await expect(page.getByText(/min read/)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: /Comment/ })).toHaveCount(0)
})
