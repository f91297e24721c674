import { gotoUntilVisible } from './fixtures/instances'
import { expect, test } from './fixtures/test'
import { moderationPost, OWNER_EMAIL, replyPost } from './fixtures/content'
import { signInAs, signInWithEmail } from './fixtures/sign-in'

test('a signed-out visitor to /admin is sent to sign in and back', async ({ page }) => {
  await page.goto('/admin/comments')
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fcomments$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
})

test('a commenter gets nothing under /admin', async ({ page }) => {
  await signInWithEmail(page, 'just-a-commenter@mail.example', '/')
  for (const path of ['/admin', '/admin/comments', '/admin/mentions', '/admin/people', '/admin/audit']) {
    const response = await page.goto(path)
    // The page is the 404 page. (Next 16.4 with Cache Components still answers such streamed pages
    // with status 200 — vercel/next.js#95380 — so the status is not asserted; the content is.)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible()
    const html = (await response?.text()) ?? ''
    expect(html, path).not.toContain('Moderate comments')
    expect(html, path).not.toContain('With the selected')
  }
})

test('a held comment approved from the queue appears on its post', async ({ page }) => {
  const postPath = `/posts/${moderationPost.slug}`
  await page.goto(postPath)
  await expect(page.getByRole('heading', { name: `No Comments on “${moderationPost.title}”` })).toBeVisible()
  await expect(page.getByText(moderationPost.heldText)).toHaveCount(0)

  await signInWithEmail(page, OWNER_EMAIL, '/admin/comments')
  await expect(page.getByRole('heading', { level: 1, name: 'Comments' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Pending \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
  const row = page.getByRole('row').filter({ hasText: moderationPost.heldText })
  await expect(row).toContainText(moderationPost.heldAuthor)
  await row.getByRole('button', { name: `Approve: the comment by ${moderationPost.heldAuthor}` }).click()
  await expect(page.getByRole('status')).toHaveText('1 comment updated.')
  await expect(page.getByRole('row').filter({ hasText: moderationPost.heldText })).toHaveCount(0)

  // The outcome travels in the address, signed: a link made elsewhere cannot put its own words there.
  const answered = new URL(page.url())
  const lure = 'Your session has expired: sign in again at https://plateau-login.example'
  for (const kind of ['notice', 'error']) {
    const forged = new URL(answered)
    forged.searchParams.delete('notice')
    forged.searchParams.set(kind, lure)
    await page.goto(forged.pathname + forged.search)
    await expect(page.getByRole('heading', { level: 1, name: 'Comments' })).toBeVisible()
    await expect(page.getByText(lure)).toHaveCount(0)
  }
  await page.goto(answered.pathname + answered.search)
  await expect(page.getByRole('status')).toHaveText('1 comment updated.')

  await gotoUntilVisible(page, postPath, page.getByRole('heading', { name: `1 Comment on “${moderationPost.title}”` }))
  await expect(page.getByRole('article', { name: `Comment by ${moderationPost.heldAuthor}` })).toContainText(
    moderationPost.heldText,
  )

  await page.goto('/admin/audit')
  await expect(page.getByRole('row').filter({ hasText: 'comment.approve' }).first()).toBeVisible()
})

test('an editor answers a held comment from the queue and corrects its text; both show on the post', async ({
  page,
}) => {
  await signInAs(page, 'answering-editor@mail.example', 'editor', '/admin/comments')
  const row = page.getByRole('row').filter({ hasText: replyPost.text })
  await row.getByRole('link', { name: `Open the comment by ${replyPost.author} to reply or edit` }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Comment by ${replyPost.author} on “${replyPost.title}”` }),
  ).toBeVisible()

  await page.getByLabel(/^Your reply to Curious Reader/).fill('Yes — ask away.')
  await page.getByRole('button', { name: 'Approve and reply' }).click()
  await expect(page.getByRole('status')).toContainText('Your reply is published')
  await page.getByLabel('Comment text (Markdown)').fill('Could someone answer me, please?')
  await page.getByRole('button', { name: 'Save text' }).click()
  await expect(page.getByRole('status')).toHaveText('The comment’s text is saved.')

  await page.goto(`/posts/${replyPost.slug}`)
  const question = page
    .locator('li.comment')
    .filter({ has: page.getByRole('article', { name: `Comment by ${replyPost.author}` }) })
  await expect(question.locator(':scope > article')).toContainText('Could someone answer me, please?')
  await expect(question.locator(':scope > ol > li')).toContainText('Yes — ask away.')
})

test('an admin changes the site title and it shows at once; a bad value is refused beside its field', async ({
  page,
}) => {
  await signInAs(page, 'settings-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Posts per page').fill('0')
  await page.getByLabel('Site title').fill('Notes from the Plateau')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Posts per page')).toHaveAccessibleDescription('“Posts per page” must be at least 1.')
  await expect(page.getByLabel('Site title')).toHaveValue('Notes from the Plateau')

  await page.getByLabel('Posts per page').fill('10')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')
  await page.goto('/')
  await expect(page.getByRole('banner').getByRole('link', { name: 'Notes from the Plateau' })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a refused settings save says why beside its field and keeps everything typed', async ({ page }) => {
    await signInAs(page, 'settings-admin-nojs@mail.example', 'admin', '/admin/settings')
    await page.getByLabel('Posts per page').fill('0')
    await page.getByLabel('Tagline').fill('Typed without any script')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('alert').first()).toContainText('Nothing was saved')
    await expect(page.getByLabel('Posts per page')).toHaveAccessibleDescription('“Posts per page” must be at least 1.')
    await expect(page.getByLabel('Posts per page')).toHaveValue('0')
    await expect(page.getByLabel('Tagline')).toHaveValue('Typed without any script')
  })

  test('a refused post save keeps the draft and says why beside the field', async ({ page }) => {
    await signInAs(page, 'editor-nojs@mail.example', 'editor', '/admin/posts/new')
    await page.getByLabel('Body (Markdown)').fill('Words typed without script, not to be lost.')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByLabel('Title', { exact: true })).toHaveAccessibleDescription('Give the post a title.')
    await expect(page.getByLabel('Body (Markdown)')).toHaveValue('Words typed without script, not to be lost.')
  })
})
