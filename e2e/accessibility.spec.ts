import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { discussionPosts } from './fixtures/content'
import { signInAs } from './fixtures/sign-in'

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([])
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme })

    test('reader pages have no axe violations', async ({ page }) => {
      for (const [what, path] of [
        ['home', '/'],
        ['post', '/posts/the-social-media-plateau'],
        ['older posts', '/page/2'],
        ['tag', '/tags/local-government'],
        ['reply page', `/posts/${discussionPosts.noJs.slug}/reply`],
        ['sign-in', '/signin'],
        ['404', '/posts/no-such-post'],
      ] as const) {
        await page.goto(path)
        await expectNoViolations(page, what)
      }
    })
  })
}

test('admin pages have no axe violations', async ({ page }) => {
  await signInAs(page, 'axe-admin@mail.example', 'admin', '/admin')
  for (const path of ['/admin', '/admin/posts', '/admin/posts/new', '/admin/comments', '/admin/comments?status=approved', '/admin/people', '/admin/settings', '/admin/audit', '/profile']) {
    await page.goto(path)
    await expectNoViolations(page, path)
  }
})
