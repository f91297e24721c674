import { expect, test } from '@playwright/test'
import { postIdOf } from './fixtures/db'
import { BLOG_URL } from './fixtures/auth-config'
import { signInAs } from './fixtures/sign-in'

test('an editor writes a post with an image, previews it, publishes it and readers see it', async ({ page }) => {
  await signInAs(page, 'editor-one@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Fresh from the editor')
  await page.getByLabel('Body (Markdown)').fill('Hello **readers**.\n\n> A quote worth keeping.')
  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview.locator('strong')).toHaveText('readers')
  await expect(preview.locator('blockquote')).toHaveText('A quote worth keeping.')
  await page.getByLabel('Tags').fill('Editing, Plateau')
  await page.getByLabel('Image address').fill('/images/the-social-media-plateau.svg')
  await page.getByLabel('Alternative text').fill('A plateau at dusk')
  await page.getByLabel('Credit', { exact: true }).fill('The editor')
  await page.getByRole('button', { name: 'Publish now' }).click()
  await expect(page.getByRole('status')).toHaveText('Published.')

  await page.goto('/')
  await page.getByRole('link', { name: 'Fresh from the editor' }).click()
  await expect(page).toHaveURL('/posts/fresh-from-the-editor')
  await expect(page.getByRole('img', { name: 'A plateau at dusk' })).toBeVisible()
  await expect(page.getByText('Image credit: The editor')).toBeVisible()
  await expect(page.locator('article blockquote')).toHaveText('A quote worth keeping.')
  await expect(page.getByRole('listitem').filter({ hasText: 'Editing' })).toBeVisible()

  // A new address for a published post: the old one still leads to it.
  await page.goto(`/admin/posts/${await postIdOf('fresh-from-the-editor')}`)
  await page.getByLabel('Address', { exact: true }).fill('fresh-and-renamed')
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  const old = await page.request.get('/posts/fresh-from-the-editor', { maxRedirects: 0 })
  expect([301, 308]).toContain(old.status())
  // (Next may repeat the same Location header for a cached redirect; every copy must agree.)
  expect(new Set(old.headers()['location'].split(/,\s*/))).toEqual(new Set(['/posts/fresh-and-renamed']))
  await page.goto('/posts/fresh-from-the-editor')
  await expect(page).toHaveURL('/posts/fresh-and-renamed')
})

test('a refused save keeps everything typed and says why beside the field', async ({ page }) => {
  await signInAs(page, 'editor-two@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Body (Markdown)').fill('Words I do not want to lose.')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByLabel('Title', { exact: true })).toHaveAccessibleDescription('Give the post a title.')
  await expect(page.getByLabel('Body (Markdown)')).toHaveValue('Words I do not want to lose.')
})

test('an author cannot open someone else’s post in the editor', async ({ page }) => {
  await signInAs(page, 'author@mail.example', 'author', '/admin/posts')
  await expect(page.getByRole('heading', { level: 1, name: 'Posts' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'The social media plateau?' })).toHaveCount(0)
  await page.goto(`/admin/posts/${await postIdOf('the-social-media-plateau')}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})

test('an author previews a draft as readers will see it; no one else can', async ({ page, browser }) => {
  await signInAs(page, 'previewing-author@mail.example', 'author', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Not ready yet')
  await page.getByLabel('Body (Markdown)').fill('A **bold** draft.')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByRole('link', { name: 'Preview' }).click()
  await expect(page.getByRole('status')).toContainText('this post is a draft')
  await expect(page.getByRole('heading', { level: 1, name: 'Not ready yet' })).toBeVisible()
  await expect(page.locator('.post__body strong')).toHaveText('bold')
  const previewUrl = page.url()

  const context = await browser.newContext({ baseURL: BLOG_URL })
  const stranger = await context.newPage()
  await signInAs(stranger, 'other-author@mail.example', 'author', '/admin/posts')
  await stranger.goto(previewUrl)
  await expect(stranger.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(stranger.getByText('A bold draft')).toHaveCount(0)
  await context.close()
  expect((await page.request.get('/posts/not-ready-yet')).status()).toBe(404)
})
