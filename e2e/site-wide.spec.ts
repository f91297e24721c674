import { expect, test } from './fixtures/test'
import sharp from 'sharp'
import { chooseName, signInAs, signInWithEmail } from './fixtures/sign-in'
import { commentStatus } from './fixtures/db'
import { moderationPost } from './fixtures/content'
import { expectNoViolations } from './fixtures/axe'
import { htmlErrors } from './fixtures/vnu'

// Settings that change what every page shows — the site's clock, its language and its look.
// playwright.config.ts runs this file after every other test has finished, one test at a
// time, so no other test reads a page while the site is switched; each test switches it back.
test.describe.configure({ mode: 'serial' })

test('an owner puts the blog on Tokyo time: an unknown zone is refused beside its field, then “Publish at” and dates follow the new one', async ({
  page,
}) => {
  test.slow()
  await signInAs(page, 'clock-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Time zone').fill('Mars/Olympus')
  await page.getByLabel('Time format').selectOption('g:i a')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Time zone')).toHaveAccessibleDescription(
    /^“Mars\/Olympus” is not a time zone this server knows: choose one from the list, such as Europe\/Lisbon or Asia\/Tokyo\./,
  )
  // Nothing is lost: the other choice is still as made.
  await expect(page.getByLabel('Time format')).toHaveValue('g:i a')
  await page.getByLabel('Time format').selectOption('H:i')
  await page.getByLabel('Time zone').fill('Asia/Tokyo')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')

  try {
    // Typed on Tokyo's clock, nine hours ahead of UTC: a few seconds from now there.
    const tokyo = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)
    await page.goto('/admin/posts/new')
    await page.getByLabel('Title', { exact: true }).fill('Morning in Tokyo')
    await page.getByLabel('Body (Markdown)').fill('おはよう。')
    // (Counted from the moment it is typed, so a slow page cannot make it a time already past.)
    const due = new Date(Date.now() + 10_000)
    await page.getByLabel('Publish at (Asia/Tokyo)').fill(tokyo(due))
    await page.getByRole('button', { name: 'Schedule' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible()
    await expect(page.getByText(/Scheduled for .+ \(Asia\/Tokyo\)/)).toBeVisible()
    await expect(page.getByLabel('Publish at (Asia/Tokyo)')).toHaveValue(tokyo(due))

    await expect(async () => {
      await page.goto('/')
      await expect(page.getByRole('link', { name: 'Morning in Tokyo' })).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 90_000 })
    await page.getByRole('link', { name: 'Morning in Tokyo' }).click()
    // Stored and carried in UTC; shown, and filed by month, on Tokyo's clock.
    const time = page.locator('article.post .post__header time')
    const published = new Date((await time.getAttribute('datetime'))!)
    expect(Math.abs(published.getTime() - due.getTime())).toBeLessThan(1_000)
    const local = new Date(published.getTime() + 9 * 3_600_000)
    await expect(time).toHaveText(
      `${local.getUTCDate()} ${local.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${local.getUTCFullYear()}`,
    )
    await time.click()
    await expect(page).toHaveURL(`/${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`)
    // (A listing cached before the post came due may be served once more while it is refreshed.)
    await expect(async () => {
      await page.reload()
      await expect(page.getByRole('link', { name: 'Morning in Tokyo' })).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 30_000 })
  } finally {
    // Back to UTC for every other test.
    await page.goto('/admin/settings')
    await page.getByLabel('Time zone').fill('UTC')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')
  }
})

test('an owner gives the blog its colours, logo, lines and CSS: a colour that fails contrast is refused, the rest reaches every reader page', async ({
  page,
}) => {
  test.slow()
  await signInAs(page, 'look-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Line under the header').fill('Back on 3 January.')
  await page.getByLabel('Accent colour').fill('#f0c000')
  await page
    .getByLabel('Custom CSS for the reader pages')
    .fill('.post__title { letter-spacing: 0.05em }\nbody { background: url(https://tracker.example/p.png) }')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Accent colour')).toHaveAccessibleDescription(
    /^#f0c000 is too light to read on the page’s light background: its contrast is 1\.4:1, and WCAG AA asks 4\.5:1 for text\. Choose a darker shade\./,
  )
  await expect(page.getByLabel('Custom CSS for the reader pages')).toHaveAccessibleDescription(
    /^Custom CSS cannot load anything from another site \(“https:\/\/tracker\.example\/p\.png” on line 2\)/,
  )
  // Nothing typed is lost.
  await expect(page.getByLabel('Line under the header')).toHaveValue('Back on 3 January.')

  await page.getByLabel('Accent colour').fill('#1d6b52')
  await page.getByLabel('Custom CSS for the reader pages').fill('.post__title { letter-spacing: 0.05em }')
  const logo = await sharp({ create: { width: 400, height: 100, channels: 3, background: '#1d6b52' } })
    .png()
    .toBuffer()
  await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo })
  await expect(page.getByText('Uploaded logo.png (400 × 100).')).toBeVisible()
  await expect(page.getByLabel('Logo address')).toHaveValue(/^\/uploads\/\d{4}\/\d\d\/[0-9a-f]{16}-400x100\.png$/)
  await page.getByLabel('Logo description').fill('Field Notes')
  await page.getByLabel('Footer').fill('© Field Notes, written in Lisbon')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved 6 settings; the blog uses them now.')

  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto('/posts/the-social-media-plateau')
      await expect(
        page.getByRole('banner').getByRole('link', { name: 'Field Notes' }).getByRole('img', { name: 'Field Notes' }),
      ).toBeVisible()
      await expect(page.getByText('Back on 3 January.')).toBeVisible()
      await expect(page.getByRole('contentinfo')).toHaveText('© Field Notes, written in Lisbon')
      await expect(page.locator('.post__title')).toHaveCSS('letter-spacing', /^\d/)
      expect(await page.locator('.post__title').evaluate((h) => getComputedStyle(h).letterSpacing)).not.toBe('normal')
      // Buttons in the accent: the colour itself in light mode, a lighter tint of it in dark mode.
      const button = await page
        .getByRole('button', { name: 'Search' })
        .evaluate((b) => getComputedStyle(b).backgroundColor)
      if (scheme === 'light') expect(button).toBe('rgb(29, 107, 82)')
      else expect(button).toMatch(/^rgb\((?!29, 107, 82\))/)
      await expectNoViolations(page, `post page with an accent, ${scheme}`)
      await page.goto('/')
      await expectNoViolations(page, `home page with an accent, ${scheme}`)
    }
    // Still valid HTML with the look's style, stylesheet and logo in it.
    expect(
      await htmlErrors(
        { 'post with a look': await (await page.request.get('/posts/the-social-media-plateau')).text() },
        'look',
      ),
    ).toEqual([])
    // The tab's icon is Plateau's, drawn in the accent; the admin keeps Plateau's look (no custom CSS there).
    expect(await (await page.request.get('/site-icon')).text()).toContain('fill="#1d6b52"')
    await page.goto('/admin')
    expect(await page.locator('link[rel="stylesheet"][href^="/custom.css"]').count()).toBe(0)
  } finally {
    await page.goto('/admin/settings')
    for (const label of [
      'Accent colour',
      'Logo address',
      'Logo description',
      'Line under the header',
      'Footer',
      'Custom CSS for the reader pages',
    ])
      await page.getByLabel(label).fill('')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved 6 settings; the blog uses them now.')
  }
})

test('an owner switches the blog to Arabic on Dubai’s clock: a post scheduled on that clock appears on its own, and the whole reader page reads right to left', async ({
  page,
}) => {
  test.slow()
  await signInAs(page, 'arabic-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Site language').selectOption('ar')
  await page.getByLabel('Time zone').fill('Asia/Dubai')
  await page.getByRole('button', { name: 'Save settings' }).click()
  // Said in the language just chosen.
  await expect(page.getByRole('status')).toHaveText('حُفظ إعدادان؛ تستخدمهما المدونة الآن.')
  try {
    // Typed on Dubai's clock, four hours ahead of UTC: a few seconds from now there — in an editor that speaks Arabic.
    const dubai = (instant: Date) => new Date(instant.getTime() + 4 * 3_600_000).toISOString().slice(0, 19)
    await page.goto('/admin/posts/new')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('مقالة جديدة')
    await page.getByLabel('العنوان', { exact: true }).fill('صباح الخير من دبي')
    await page.getByLabel('النص (Markdown)').fill('نكتب عن المدونات والتعليقات.')
    // (Counted from the moment it is typed, so a slow page cannot make it a time already past.)
    await page.getByLabel('النشر في (Asia/Dubai)').fill(dubai(new Date(Date.now() + 10_000)))
    await page.getByRole('button', { name: 'جدولة' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'جُدولت.' })).toBeVisible()

    await expect(async () => {
      await page.goto('/')
      await expect(page.getByRole('link', { name: 'صباح الخير من دبي' })).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 90_000 })
    await page.getByRole('link', { name: 'صباح الخير من دبي' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    // Dated on Dubai's clock, with Arabic month names; counted with Arabic's plural forms.
    const time = page.locator('article.post .post__header time')
    const local = new Date(new Date((await time.getAttribute('datetime'))!).getTime() + 4 * 3_600_000)
    await expect(time).toHaveText(
      `${local.getUTCDate()} ${local.toLocaleString('ar', { month: 'long', timeZone: 'UTC' })} ${local.getUTCFullYear()}`,
    )
    await expect(page.getByRole('heading', { name: 'لا توجد تعليقات على «صباح الخير من دبي»' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'اترك ردًا' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'أرسل التعليق' })).toBeVisible()
    // Laid out right to left: the header's search box starts at the right.
    const box = await page.getByRole('searchbox', { name: 'ابحث في المقالات' }).boundingBox()
    const header = await page.getByRole('banner').boundingBox()
    expect(box!.x + box!.width).toBeGreaterThan(header!.x + header!.width / 2)
    await expectNoViolations(page, 'an Arabic post page')
    const address = new URL(page.url()).pathname
    expect(await htmlErrors({ 'Arabic post': await (await page.request.get(address)).text() }, 'arabic')).toEqual([])

    // The demo post's thread, in Arabic: “3 تعليقات” and the like.
    await page.goto('/posts/the-social-media-plateau')
    await expect(page.locator('#comments-title')).toHaveText(/^\d+ (تعليقات|تعليقًا|تعليق) على «/)
    await expectNoViolations(page, 'an Arabic comment thread')
    // Search reads Arabic.
    await page.goto(`/search?q=${encodeURIComponent('المدونات')}`)
    await expect(page.getByRole('link', { name: 'صباح الخير من دبي' })).toBeVisible()
    // Every other reader page is right to left too, the one for a missing address included.
    for (const other of ['/no-such-page', '/signin', '/2010']) {
      await page.goto(other)
      await expect(page.locator('html'), other).toHaveAttribute('dir', 'rtl')
    }
  } finally {
    // The admin speaks Arabic now too.
    await page.goto('/admin/settings')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإعدادات')
    await page.getByLabel('لغة الموقع').selectOption('en')
    await page.getByLabel('المنطقة الزمنية').fill('UTC')
    await page.getByRole('button', { name: 'حفظ الإعدادات' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved 2 settings; the blog uses them now.')
  }
  await page.goto('/posts/the-social-media-plateau')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toBeVisible()
})

test('an owner switches the blog to German and moderates in it: the queue, its buttons, its notices and the look’s refusals speak German', async ({
  browser,
  page,
}) => {
  test.slow()
  // A reader's first comment waits for a moderator (written while the blog still speaks English).
  const text = `Ein Kommentar, der wartet ${Date.now()}.`
  const reader = await browser.newPage()
  await signInWithEmail(reader, 'german-reader@mail.example', '/')
  await chooseName(reader, 'Greta Leserin')
  await reader.goto(`/posts/${moderationPost.slug}`)
  const respond = reader.getByRole('region', { name: 'Leave a Reply' })
  await expect(respond).toContainText('Signed in as Greta Leserin.')
  await respond.getByLabel('Comment', { exact: true }).fill(text)
  await respond.getByRole('button', { name: 'Post Comment' }).click()
  await expect(reader.getByRole('status')).toContainText('awaiting moderation')
  await reader.close()

  await signInAs(page, 'german-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Site language').selectOption('de')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('1 Einstellung gespeichert; das Blog verwendet sie ab sofort.')
  try {
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Kommentare' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommentare')
    await expect(page.getByRole('link', { name: /^Ausstehend \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
    const row = page.getByRole('row').filter({ hasText: text })
    await row.getByRole('button', { name: 'Freigeben: der Kommentar von Greta Leserin' }).click()
    await expect(page.getByRole('status')).toHaveText('1 Kommentar aktualisiert.')
    expect(await commentStatus(text)).toBe('approved')
    // Nothing ticked: refused with a sentence, in German.
    await page.goto('/admin/comments?status=approved')
    await page.locator('.bulk-actions').getByRole('button', { name: 'In den Papierkorb' }).click()
    await expect(page.locator('main').getByRole('alert')).toHaveText('Wähle mindestens einen Kommentar aus.')

    // The look's checks refuse in German too, beside the field, keeping what was typed.
    await page.goto('/admin/settings')
    await page.getByLabel('Akzentfarbe').fill('#f0c000')
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click()
    await expect(page.getByLabel('Akzentfarbe')).toHaveAccessibleDescription(
      /^#f0c000 ist zu hell, um auf dem hellen Hintergrund der Seite lesbar zu sein: der Kontrast beträgt 1\.4:1/,
    )
    await expect(page.getByLabel('Akzentfarbe')).toHaveValue('#f0c000')
    await page.getByLabel('Akzentfarbe').fill('')
  } finally {
    await page.goto('/admin/settings')
    await page.getByLabel('Sprache der Website').selectOption('en')
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')
  }
})
