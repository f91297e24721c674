import { expect, test } from './fixtures/test'
import { expectNoViolations } from './fixtures/axe'
import { aboutPage, discussionPosts, draftSlug, longThread, privacyPost } from './fixtures/content'
import { postIdOf } from './fixtures/db'
import { signInAs } from './fixtures/sign-in'

const READER_PAGES = [
  ['home', '/'],
  ['post', '/posts/the-social-media-plateau'],
  ['page', `/pages/${aboutPage.slug}`],
  ['older posts', '/page/2'],
  ['tag', '/tags/local-government'],
  ['author', '/authors/simondigital'],
  ['year archive', '/2013'],
  ['month archive', '/2013/03'],
  ['search results', '/search?q=plateau'],
  ['search without a query', '/search'],
  ['comments page 3', `/posts/${longThread.slug}/comments/page/3`],
  ['reply', `/posts/${discussionPosts.noJs.slug}/reply`],
  ['sign-in', '/signin'],
  ['404', '/posts/no-such-post'],
] as const

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme })

    for (const [what, path] of READER_PAGES) {
      test(`the ${what} page has no axe violations`, async ({ page }) => {
        await page.goto(path)
        await expectNoViolations(page, what)
      })
    }

    test('a continued thread has no axe violations', async ({ page }) => {
      await page.goto(`/posts/${longThread.slug}`)
      await page.getByRole('link', { name: /Continue this thread/ }).click()
      await expect(page.getByRole('heading', { level: 1, name: /^Thread from/ })).toBeVisible()
      await expectNoViolations(page, 'continued thread')
    })
  })
}

test('admin pages have no axe violations', async ({ page }) => {
  test.setTimeout(120_000) // eleven pages, each analysed in full
  await signInAs(page, 'axe-admin@mail.example', 'admin', '/admin')
  const draftPreview = `/admin/posts/${await postIdOf(draftSlug)}/preview`
  const revisions = `/admin/posts/${await postIdOf(privacyPost.slug)}/revisions`
  for (const path of [
    '/admin',
    '/admin/posts',
    '/admin/posts/new',
    '/admin/comments',
    '/admin/comments?status=approved',
    '/admin/mentions',
    '/admin/people',
    '/admin/settings',
    '/admin/audit',
    '/profile',
    '/admin/import',
    draftPreview,
    revisions,
  ]) {
    await page.goto(path)
    await expectNoViolations(page, path)
  }
  await page.goto('/admin/comments?status=approved')
  await page
    .getByRole('link', { name: /^Open the comment by/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: /^Comment by/ })).toBeVisible()
  await expectNoViolations(page, 'one comment')
})
