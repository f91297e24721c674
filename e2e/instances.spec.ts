import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { E2E_DATABASE_URL, INSTANCE_PORTS, SECOND_URL, STACK } from './fixtures/auth-config'
import { crossInstancePost } from './fixtures/content'
import { chooseName, signInAs, signInWithEmail } from './fixtures/sign-in'
import { expect, test } from './fixtures/test'

const homeOf = (request: APIRequestContext, port: number) =>
  request.get(`http://localhost:${port}/`).then((r) => r.text())

// Two app instances on one database, as behind a load balancer: what is published through one shows
// on the other at once, though each keeps its own page cache.
test('a post published on one instance appears on the other, whose cached pages are invalidated', async ({
  page,
  request,
}) => {
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
  await expect
    .poll(() => other('/'), { timeout: 10_000, intervals: [250] })
    .toContain('Published through the first instance')
  expect(await other('/posts/published-through-the-first-instance')).toContain('Seen everywhere.')
})

test('a command-line import shows on the home page of every instance within a second', async ({ request }) => {
  const title = `Brought in from the command line ${Date.now()}`
  const when = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').slice(0, 19)
  const xml = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old blog</title><link>https://cli-import.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://cli-import.example</wp:base_site_url>
<item><title>${title}</title><link>https://cli-import.example/?p=7</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Imported while the blog was running.</p>]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>${when}</wp:post_date_gmt><wp:post_name>cli-imported-${Date.now()}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status></item>
</channel></rss>`
  const file = path.join('.test-output', `cli-import-${STACK}.xml`)
  fs.writeFileSync(file, xml)
  // Every instance has its home page cached without the post.
  for (const port of INSTANCE_PORTS) expect(await homeOf(request, port)).not.toContain(title)

  const run = spawnSync('node_modules/.bin/tsx', ['scripts/import-wxr.ts', file], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  expect(run.stdout).toContain('Imported from https://cli-import.example: 1 post(s)')

  for (const port of INSTANCE_PORTS)
    await expect.poll(() => homeOf(request, port), { timeout: 5_000, intervals: [250] }).toContain(title)
})

test('every instance says it is up and ready, for the load balancer', async ({ request }) => {
  for (const port of INSTANCE_PORTS) {
    expect(await (await request.get(`http://localhost:${port}/api/health`)).json()).toEqual({ ok: true })
    const ready = await request.get(`http://localhost:${port}/api/ready`)
    expect(ready.status()).toBe(200)
    expect(await ready.json()).toEqual({ ready: true })
  }
})

test('a comment posted through one instance and approved through the other shows on both cached post pages', async ({
  browser,
  request,
}) => {
  const [first, second] = INSTANCE_PORTS.map((port) => `http://localhost:${port}`)
  const postPath = `/posts/${crossInstancePost.slug}`
  const text = `Written on one instance, approved on the other ${Date.now()}.`
  const pageOn = (base: string) => request.get(`${base}${postPath}`).then((r) => r.text())
  // Both instances have the post page cached without the comment.
  for (const base of [first, second]) expect(await pageOn(base)).not.toContain(text)

  // Sign-in cookies belong to the host, so one browser is signed in on every instance.
  const reader = await browser.newPage()
  await signInWithEmail(reader, 'across-reader@mail.example', '/')
  await chooseName(reader, 'Across Reader')
  await reader.goto(`${first}${postPath}`)
  const respond = reader.getByRole('region', { name: 'Leave a Reply' })
  await expect(respond).toContainText('Signed in as Across Reader.')
  await respond.getByLabel('Comment', { exact: true }).fill(text)
  await respond.getByRole('button', { name: 'Post Comment' }).click()
  await expect(reader.getByRole('status')).toContainText('awaiting moderation')
  await reader.close()

  const moderator = await browser.newPage()
  await signInAs(moderator, 'across-editor@mail.example', 'editor', '/')
  await moderator.goto(`${second}/admin/comments`)
  const row = moderator.getByRole('row').filter({ hasText: text })
  await row.getByRole('button', { name: 'Approve: the comment by Across Reader' }).click()
  await expect(moderator.getByRole('status')).toHaveText('1 comment updated.')
  await moderator.close()

  for (const base of [first, second])
    await expect.poll(() => pageOn(base), { timeout: 5_000, intervals: [250] }).toContain(text)
})
