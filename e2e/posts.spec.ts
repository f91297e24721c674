import { expect, test } from './fixtures/test'
import sharp from 'sharp'
import { postIdOf, statusesOfPostsTitled } from './fixtures/db'
import { BLOG_URL } from './fixtures/auth-config'
import { signInAs } from './fixtures/sign-in'

/** A datetime-local value (UTC, to the second) this many seconds from now. */
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19)

test('an editor writes a post with an uploaded image, previews it, schedules it and sees it appear', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signInAs(page, 'editor-one@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Fresh from the editor')
  await page.getByLabel('Body (Markdown)').fill('Hello **readers**.\n\n> A quote worth keeping.')
  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview.locator('strong')).toHaveText('readers')
  await expect(preview.locator('blockquote')).toHaveText('A quote worth keeping.')
  await page.getByLabel('Tags').fill('Editing, Plateau')

  // A photo, uploaded: it is resized and its address filled in.
  const photo = await sharp({ create: { width: 1400, height: 700, channels: 3, background: '#6b8e23' } })
    .jpeg()
    .toBuffer()
  await page
    .getByLabel('Upload the featured image')
    .setInputFiles({ name: 'dusk.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(page.getByText('Uploaded dusk.jpg (1400 × 700).')).toBeVisible()
  await expect(page.getByLabel('Image address')).toHaveValue(/^\/uploads\/\d{4}\/\d\d\/[0-9a-f]{16}-1400x700\.jpg$/)
  await page.getByLabel('Alternative text').fill('A plateau at dusk')
  await page.getByLabel('Credit', { exact: true }).fill('The editor')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await page.getByRole('link', { name: 'Preview' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fresh from the editor' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'A plateau at dusk' })).toHaveJSProperty('complete', true)
  expect(
    await page.getByRole('img', { name: 'A plateau at dusk' }).evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0)
  await page.getByRole('link', { name: 'Back to editing' }).click()

  // Scheduled a few seconds ahead: not there yet, then there without anyone doing anything.
  await page.getByLabel('Publish at (UTC)').fill(secondsFromNow(6))
  await page.getByRole('button', { name: 'Schedule' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible()
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Fresh from the editor' })).toHaveCount(0)
  await expect(async () => {
    await page.goto('/')
    await expect(page.getByRole('link', { name: 'Fresh from the editor' })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 90_000 })

  await page.getByRole('link', { name: 'Fresh from the editor' }).click()
  await expect(page).toHaveURL('/posts/fresh-from-the-editor')
  const image = page.getByRole('img', { name: 'A plateau at dusk' })
  await expect(image).toBeVisible()
  await expect(image).toHaveAttribute('srcset', /-480w\.webp 480w, .*-960w\.webp 960w, .*\.jpg 1400w$/)
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  const file = await page.request.get((await image.getAttribute('src'))!)
  expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(file.headers()['content-type']).toBe('image/jpeg')
  await expect(page.getByText('Image credit: The editor')).toBeVisible()
  await expect(page.locator('article blockquote')).toHaveText('A quote worth keeping.')
  await expect(page.getByRole('listitem').filter({ hasText: 'Editing' })).toBeVisible()

  // A new address for a published post: the old one still leads to it.
  await page.goto(`/admin/posts/${await postIdOf('fresh-from-the-editor')}`)
  await page.getByLabel('Address', { exact: true }).fill('fresh-and-renamed')
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  // (Behind a load balancer another instance hears of the change within a second.)
  const oldAddress = () => page.request.get('/posts/fresh-from-the-editor', { maxRedirects: 0 })
  await expect
    .poll(async () => (await oldAddress()).status(), { timeout: 5_000, intervals: [250] })
    .toBeGreaterThan(300)
  const old = await oldAddress()
  expect([301, 308]).toContain(old.status())
  // (Next may repeat the same Location header for a cached redirect; every copy must agree.)
  expect(new Set(old.headers()['location'].split(/,\s*/))).toEqual(new Set(['/posts/fresh-and-renamed']))
  await page.goto('/posts/fresh-from-the-editor')
  await expect(page).toHaveURL('/posts/fresh-and-renamed')
})

test('a file that is not an image is refused with a clear message, whatever its name', async ({ page }) => {
  await signInAs(page, 'uploading-editor@mail.example', 'editor', '/admin/posts/new')
  await page
    .getByLabel('Upload the featured image')
    .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<script>alert(1)</script>') })
  await expect(page.getByLabel('Upload the featured image')).toHaveAccessibleDescription(
    'This file is not a JPEG, PNG, WebP, GIF or AVIF image. Choose an image in one of those formats. JPEG, PNG, WebP, GIF or AVIF, resized for every screen.',
  )
  await expect(page.getByLabel('Image address')).toHaveValue('')
})

test('a draft saves itself, and what is typed offline is saved when the connection returns', async ({
  page,
  context,
}) => {
  await signInAs(page, 'autosaving-author@mail.example', 'author', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Written without pressing save')
  await page.getByLabel('Body (Markdown)').fill('The first thought.')
  await expect(page.getByText(/^Draft saved at/)).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/posts\/\d+$/)

  await context.setOffline(true)
  await page.getByLabel('Body (Markdown)').fill('The first thought.\n\nA second, typed on a train.')
  await expect(page.getByText(/^Not saved: the blog cannot be reached/)).toBeVisible()
  await context.setOffline(false)
  await expect(page.getByText(/^Draft saved at/)).toBeVisible({ timeout: 15_000 })

  await page.reload()
  await expect(page.getByLabel('Body (Markdown)')).toHaveValue('The first thought.\n\nA second, typed on a train.')
  await expect(page.getByRole('heading', { name: /^Unsaved changes/ })).toHaveCount(0)
})

test('scheduling while the draft is being saved in the background schedules that draft, once', async ({ page }) => {
  await signInAs(page, 'hurried-editor@mail.example', 'editor', '/admin/posts/new')
  // The background save reaches the blog, but its answer is held on the way back, as on a slow connection.
  let answerHeld!: () => void
  const held = new Promise<void>((resolve) => (answerHeld = resolve))
  let letAnswerThrough!: () => void
  const through = new Promise<void>((resolve) => (letAnswerThrough = resolve))
  await page.route('**/api/posts/autosave', async (route) => {
    const response = await route.fetch()
    answerHeld()
    await through
    await route.fulfill({ response })
  })
  await page.getByLabel('Title', { exact: true }).fill('Scheduled mid-save')
  await page.getByLabel('Body (Markdown)').fill('Sent while the draft was on its way.')
  // (A year ahead: published, it would push the demo post off the home page other tests read.)
  await page.getByLabel('Publish at (UTC)').fill(secondsFromNow(365 * 24 * 3600))
  await held
  await page.getByRole('button', { name: 'Schedule' }).click()
  letAnswerThrough()
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible()
  expect(await statusesOfPostsTitled('Scheduled mid-save')).toEqual(['scheduled'])
})

test('changes to a published post are kept in the browser until saved, and offered back', async ({ page, context }) => {
  await signInAs(page, 'careful-editor@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('Live and careful')
  await page.getByLabel('Body (Markdown)').fill('As published.')
  await page.getByRole('button', { name: 'Publish now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible()
  await page.getByLabel('Body (Markdown)').fill('As published, with a change not yet saved.')
  await expect(page.getByText('Unsaved changes, kept in this browser until you save.')).toBeVisible()

  // The tab is closed without saving; the editor, opened again, offers the changes back.
  const again = await context.newPage()
  await again.goto(page.url())
  await page.close()
  await expect(again.getByRole('heading', { name: /^Unsaved changes from/ })).toBeVisible()
  await again.getByRole('button', { name: 'Restore them' }).click()
  await expect(again.getByLabel('Body (Markdown)')).toHaveValue('As published, with a change not yet saved.')
  expect(await (await again.request.get('/posts/live-and-careful')).text()).not.toContain('with a change not yet saved')
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

test('a post titled in Japanese lives at a readable address that links, decomposed spellings and updates reach', async ({
  page,
}) => {
  await signInAs(page, 'tokyo-editor@mail.example', 'editor', '/admin/posts/new')
  await page.getByLabel('Title', { exact: true }).fill('東京の夜、ガイド')
  await page.getByLabel('Body (Markdown)').fill('最初の版。')
  await page.getByLabel('Tags').fill('日本語')
  await page.getByRole('button', { name: 'Publish now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible()

  // From the home page, by its link: the address reads as the title does.
  await page.goto('/')
  await page.getByRole('link', { name: '東京の夜、ガイド' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '東京の夜、ガイド' })).toBeVisible()
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/posts/東京の夜-ガイド')
  // The same address typed with decomposed kana (ガ as カ + ◌゙) is the same post.
  const decomposed = await page.request.get(`/posts/${encodeURIComponent('東京の夜-ガイド'.normalize('NFD'))}`)
  expect(decomposed.status()).toBe(200)
  expect(await decomposed.text()).toContain('最初の版。')
  await page.getByRole('link', { name: '日本語' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Posts tagged “日本語”' })).toBeVisible()

  // An update reaches the cached page at that address (its cache entry is the one the save expires).
  await page.goto(`/admin/posts/${await postIdOf('東京の夜-ガイド')}`)
  await page.getByLabel('Body (Markdown)').fill('二番目の版。')
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect
    .poll(async () => (await page.request.get(`/posts/${encodeURIComponent('東京の夜-ガイド')}`)).text(), {
      timeout: 5_000,
      intervals: [250],
    })
    .toContain('二番目の版。')
})
