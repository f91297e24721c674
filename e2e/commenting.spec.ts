import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures/test'
import { discussionPosts, seededThread } from './fixtures/content'
import { approveComment, commentStatus } from './fixtures/db'
import { chooseName, signInWithEmail, signInWithOidc } from './fixtures/sign-in'

const path = (slug: string) => `/posts/${slug}`
const thread = (page: Page) => page.getByRole('region', { name: /Comments? on “/ })
const commentBy = (scope: Page | Locator, author: string) =>
  scope.getByRole('article', { name: `Comment by ${author}` })
const itemOf = (article: Locator) => article.locator('xpath=..')

/** How many reply lists a comment sits inside: 0 for a top-level comment. */
async function depthOf(article: Locator): Promise<number> {
  return itemOf(article).evaluate((li) => {
    let depth = 0
    for (let el = li.parentElement; el && el.id !== 'comments'; el = el.parentElement) {
      if (el.classList.contains('comment-list--replies')) depth++
    }
    return depth
  })
}

test.describe('with JavaScript', () => {
  const post = discussionPosts.js

  test('a reader signs in by email, is held at first, then replies three levels deep, edits and deletes', async ({
    page,
  }) => {
    await page.goto(path(post.slug))
    await expect(
      page.getByRole('region', { name: 'Leave a Reply' }).getByRole('link', { name: 'Sign in to leave a reply' }),
    ).toBeVisible()

    await signInWithEmail(page, 'rita@mail.example', `${path(post.slug)}#respond`)
    await expect(page).toHaveURL(path(post.slug) + '#respond')
    await chooseName(page, 'Rita Reader')

    // A first comment is held for moderation and shown only to its author, marked as such.
    await page.goto(path(post.slug))
    const respond = page.getByRole('region', { name: 'Leave a Reply' })
    await expect(respond).toContainText('Signed in as Rita Reader.')
    await expect(respond).toContainText('Your email address is never published.')
    await respond.getByLabel('Comment', { exact: true }).fill('My very first comment here.')
    await respond.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.getByRole('status')).toContainText('your comment is awaiting moderation')
    const mine = page.getByRole('region', { name: 'Your comments on this post' })
    await expect(mine.getByRole('listitem').filter({ hasText: 'My very first comment here.' })).toContainText(
      'Awaiting moderation',
    )
    const anonymous = await page.request.get(path(post.slug), { headers: { cookie: '' } })
    expect(await anonymous.text()).not.toContain('My very first comment here.')
    expect(await commentStatus('My very first comment here.')).toBe('pending')

    // Once a moderator approves it, Rita's comments go straight in.
    await approveComment('My very first comment here.')

    await page.goto(path(post.slug))
    // The page's script has taken over once the form knows who is signed in: a click before that
    // follows the link to the reply page (the no-script path, tested below).
    await expect(page.getByRole('region', { name: 'Leave a Reply' })).toContainText('Signed in as Rita Reader.')
    const level1 = commentBy(page, seededThread.reply)
    await level1.getByRole('link', { name: `Reply to ${seededThread.reply}` }).click()
    const inPlace = level1.getByRole('textbox', { name: `Reply to ${seededThread.reply}` })
    await expect(inPlace).toBeFocused()
    await inPlace.fill('Second level reply from Rita.')
    await level1.getByRole('button', { name: 'Post Comment' }).click()

    const level2 = thread(page)
      .getByRole('article', { name: 'Comment by Rita Reader' })
      .filter({ hasText: 'Second level reply from Rita.' })
    await expect(level2).toBeVisible()
    await expect(itemOf(level2)).toBeFocused()
    expect(await depthOf(level2)).toBe(2)

    await level2.getByRole('link', { name: 'Reply to Rita Reader' }).click()
    await level2.getByRole('textbox', { name: 'Reply to Rita Reader' }).fill('Third level, answering myself.')
    await level2.getByRole('button', { name: 'Post Comment' }).click()
    const level3 = thread(page)
      .getByRole('article', { name: 'Comment by Rita Reader' })
      .filter({ hasText: 'Third level, answering myself.' })
    await expect(level3).toBeVisible()
    expect(await depthOf(level3)).toBe(3)
    await expect(itemOf(level2).locator(':scope > ol > li')).toContainText('Third level, answering myself.')

    // Edit within the window: the change shows, marked "(edited)".
    await level3.getByRole('link', { name: 'Edit' }).click()
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Third level, answering myself — corrected.')
    await page.getByRole('button', { name: 'Save changes' }).click()
    const edited = thread(page)
      .getByRole('article', { name: 'Comment by Rita Reader' })
      .filter({ hasText: 'corrected' })
    await expect(edited).toContainText('(edited)')

    // Deleting a comment that has a reply keeps the thread: it stays as "[deleted]".
    await level2.getByRole('button', { name: 'Delete' }).click()
    await expect(thread(page).getByRole('article', { name: 'Comment by [deleted]' })).toBeVisible()
    await expect(thread(page)).not.toContainText('Second level reply from Rita.')
    await expect(thread(page)).toContainText('Third level, answering myself — corrected.')
  })

  test('text typed into the edit box before the page’s script runs is kept, every character', async ({ page }) => {
    await signInWithEmail(page, 'early-typist@mail.example', `/posts/${post.slug}/reply`)
    await page.getByLabel('Comment', { exact: true }).fill('Written first, corrected before the script arrives.')
    await page.getByRole('button', { name: 'Post Comment' }).click()
    const edit = page.getByRole('region', { name: 'Your comments on this post' }).getByRole('link', { name: 'Edit' })
    const editPage = (await edit.getAttribute('href'))!

    // The page's scripts are held back until the person has typed (a slow connection).
    let release!: () => void
    const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/_next/static/**/*.js', async (route) => {
      await scriptsMayLoad
      await route.continue()
    })
    await page.goto(editPage, { waitUntil: 'domcontentloaded' })
    const box = page.getByRole('textbox', { name: 'Your comment' })
    await expect(page.locator('input[name="via"]')).toHaveValue('html')
    const typed = 'Corrected early — with “quotes”, <angle brackets> & an ampersand.'
    await box.fill(typed)
    release()
    // Hydrated: the form's script has run (a mismatch would also fail the test through pageErrors).
    await expect(page.locator('input[name="via"]')).toHaveValue('script')
    await expect(box).toHaveValue(typed)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByRole('region', { name: 'Your comments on this post' })).toContainText(
      'Corrected early — with “quotes”, <angle brackets> & an ampersand.',
    )
  })

  test('a refused comment keeps its text and says why', async ({ page }) => {
    await signInWithEmail(page, 'repeat@mail.example', path(post.slug))
    await page.goto(path(post.slug))
    const respond = page.getByRole('region', { name: 'Leave a Reply' })
    // Until the page knows who is signed in it shows the signed-out form.
    await expect(respond).toContainText('Signed in as')
    await respond.getByLabel('Comment', { exact: true }).fill('Saying this exactly once.')
    await respond.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.getByRole('status')).toContainText('awaiting moderation')

    await page.goto(path(post.slug))
    await expect(respond).toContainText('Signed in as')
    await respond.getByLabel('Comment', { exact: true }).fill('Saying this exactly once.')
    await respond.getByRole('button', { name: 'Post Comment' }).click()
    await expect(respond.getByRole('alert')).toHaveText('You have already posted this comment.')
    await expect(respond.getByLabel('Comment', { exact: true })).toHaveValue('Saying this exactly once.')
  })
})

test('a reader signs in with OpenID Connect and comments', async ({ page }) => {
  const post = discussionPosts.oidc
  await signInWithOidc(page, 'Oscar', path(post.slug))
  await expect(page).toHaveURL(path(post.slug))
  const respond = page.getByRole('region', { name: 'Leave a Reply' })
  await expect(respond).toContainText('Signed in as Oscar.')
  await respond.getByLabel('Comment', { exact: true }).fill('Hello from single sign-on.')
  await respond.getByRole('button', { name: 'Post Comment' }).click()
  await expect(page.getByRole('status')).toContainText('awaiting moderation')
  await expect(page.getByRole('region', { name: 'Your comments on this post' })).toContainText(
    'Hello from single sign-on.',
  )
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  const post = discussionPosts.noJs

  test('someone without a display name gives one with their first comment', async ({ page }) => {
    await signInWithEmail(page, 'nameless@mail.example', `${path(post.slug)}/reply`)
    await expect(page.getByRole('heading', { level: 1, name: 'Leave a Reply' })).toBeVisible()
    await page.getByLabel('Your name, shown with your comments').fill('Inline Ina')
    await page.getByLabel('Comment', { exact: true }).fill('Named as I went.')
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.getByRole('status')).toContainText('awaiting moderation')
    await expect(page.getByRole('region', { name: 'Leave a Reply' })).toContainText('Signed in as Inline Ina.')
    await expect(page.getByLabel('Your name, shown with your comments')).toHaveCount(0)
  })

  test('a reader signs in, comments and replies', async ({ page }) => {
    await signInWithEmail(page, 'nojs@mail.example', path(post.slug))
    await chooseName(page, 'Plain Pat')

    await page.goto(path(post.slug))
    await page
      .getByRole('region', { name: 'Leave a Reply' })
      .getByRole('link', { name: 'Sign in to leave a reply' })
      .click()
    await page.getByRole('link', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Leave a Reply' })).toBeVisible()
    await page.getByLabel('Comment', { exact: true }).fill('A comment typed without any script.')
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.getByRole('status')).toContainText('awaiting moderation')
    await approveComment('A comment typed without any script.')

    await page.goto(path(post.slug))
    await commentBy(page, seededThread.first)
      .getByRole('link', { name: `Reply to ${seededThread.first}` })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: `Reply to ${seededThread.first}` })).toBeVisible()
    await page
      .getByRole('textbox', { name: `Reply to ${seededThread.first}` })
      .fill('A reply typed without any script.')
    await page.getByRole('button', { name: 'Post Comment' }).click()

    await expect(page).toHaveURL(new RegExp(`${path(post.slug)}#comment-\\d+$`))
    const reply = commentBy(page, 'Plain Pat').filter({ hasText: 'A reply typed without any script.' })
    await expect(reply).toBeVisible()
    expect(await depthOf(reply)).toBe(1)
    await expect(itemOf(commentBy(page, seededThread.first)).locator(':scope > ol > li')).toHaveCount(2)
    await expect(commentBy(page, 'Plain Pat').filter({ hasText: 'A comment typed without any script.' })).toBeVisible()

    // Refused without JavaScript too: the text comes back in the box.
    await commentBy(page, seededThread.first)
      .getByRole('link', { name: `Reply to ${seededThread.first}` })
      .click()
    await page
      .getByRole('textbox', { name: `Reply to ${seededThread.first}` })
      .fill('A reply typed without any script.')
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.getByRole('alert')).toHaveText('You have already posted this comment.')
    await expect(page.getByRole('textbox', { name: `Reply to ${seededThread.first}` })).toHaveValue(
      'A reply typed without any script.',
    )
  })
})
