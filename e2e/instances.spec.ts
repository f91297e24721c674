import { expect, test } from './fixtures/test'
import { SECOND_URL } from './fixtures/auth-config'
import { signInAs } from './fixtures/sign-in'

// Two app instances on one database, as behind a load balancer: what is published through one shows
// on the other at once, though each keeps its own page cache.
test('a post published on one instance appears on the other, whose cached pages are invalidated', async ({ page, request }) => {
  const other = (path: string) => request.get(`${SECOND_URL}${path}`).then((r) => r.text())
  // The second instance has the home page cached without the post.
  expect(await other('/')).not.toContain('Published through the first instance')
  expect(await other('/')).not.toContain('Published through the first instance')

  await signInAs(page, 'instance-editor@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Published through the first instance')
  await page.getByLabel('Body (Markdown)').fill('Seen everywhere.')
  await page.getByRole('button', { name: 'Publish now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible()

  // Within the second instance's refresh interval (a second), with no minute-long revalidation in play.
  await expect.poll(() => other('/'), { timeout: 10_000, intervals: [250] }).toContain('Published through the first instance')
  expect(await other('/posts/published-through-the-first-instance')).toContain('Seen everywhere.')
})
