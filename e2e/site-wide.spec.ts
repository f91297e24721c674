import { expect, test } from './fixtures/test'
import { signInAs } from './fixtures/sign-in'

// Settings that change what every page shows — the site's clock (and, as they come, its language and
// look). playwright.config.ts runs this file after every other test has finished, one test at a
// time, so no other test reads a page while the site is switched; each test switches it back.
test.describe.configure({ mode: 'serial' })

test('an owner puts the blog on Tokyo time: an unknown zone is refused beside its field, then “Publish at” and dates follow the new one', async ({ page }) => {
  test.slow()
  await signInAs(page, 'clock-admin@mail.example', 'admin', '/admin/settings')
  await page.getByLabel('Time zone').fill('Mars/Olympus')
  await page.getByLabel('Time format').selectOption('g:i a')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Time zone')).toHaveAccessibleDescription(/^“Mars\/Olympus” is not a time zone this server knows: choose one from the list, such as Europe\/Lisbon or Asia\/Tokyo\./)
  // Nothing is lost: the other choice is still as made.
  await expect(page.getByLabel('Time format')).toHaveValue('g:i a')
  await page.getByLabel('Time format').selectOption('H:i')
  await page.getByLabel('Time zone').fill('Asia/Tokyo')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')

  try {
    // Typed on Tokyo's clock, nine hours ahead of UTC: a few seconds from now there.
    const due = new Date(Date.now() + 8_000)
    const tokyo = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)
    await page.goto('/admin/posts/new')
    await page.getByLabel('Title', { exact: true }).fill('Morning in Tokyo')
    await page.getByLabel('Body (Markdown)').fill('おはよう。')
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
    await expect(time).toHaveText(`${local.getUTCDate()} ${local.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${local.getUTCFullYear()}`)
    await time.click()
    await expect(page).toHaveURL(`/${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`)
    await expect(page.getByRole('link', { name: 'Morning in Tokyo' })).toBeVisible()
  } finally {
    // Back to UTC for every other test.
    await page.goto('/admin/settings')
    await page.getByLabel('Time zone').fill('UTC')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved 1 setting; the blog uses them now.')
  }
})
