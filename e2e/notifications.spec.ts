import fs from 'node:fs'
import path from 'node:path'
import { MAIL_DIR } from './fixtures/auth-config'
import { gotoUntilVisible } from './fixtures/instances'
import { notificationPost, writeFirstPosts } from './fixtures/content'
import { commentStatus, mailsWritten } from './fixtures/db'
import { chooseName, decodeQuotedPrintable, notificationTo, signInAs, signInWithEmail } from './fixtures/sign-in'
import { expect, test } from './fixtures/test'

// Mail that brings people back, through the real SMTP sink (e2e/fixtures/auth-servers.ts): a
// moderator hears of a held comment and approves it from the mail; its author hears of the answer
// and stops the next one with the mail's one-click unsubscribe (RFC 8058).

const post = `/posts/${notificationPost.slug}`
const MODERATOR = 'mail-moderator@mail.example'
const READER = 'mail-reader@mail.example'

test('a held comment reaches a moderator, who approves it from the mail; the answer reaches its author, who stops the next in one click', async ({
  page,
  browser,
}) => {
  // Two people, four trips through the mail queue and the SMTP sink: on two instances of a busy CI
  // machine this story has taken just over the default 30 s.
  test.slow()
  await signInAs(page, MODERATOR, 'editor', '/')
  const readerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const reader = await readerContext.newPage()
  try {
    await signInWithEmail(reader, READER, post)
    await chooseName(reader, 'Mailed Reader')
    await reader.goto(post)
    await expect(reader.getByRole('region', { name: 'Leave a Reply' })).toContainText('Signed in as Mailed Reader.')
    await reader
      .getByRole('region', { name: 'Leave a Reply' })
      .getByLabel('Comment', { exact: true })
      .fill('Will anyone tell me when this is answered?')
    await reader.getByRole('button', { name: 'Post Comment' }).click()
    await expect(reader.getByRole('status')).toContainText('awaiting moderation')

    // The moderator's mail: the comment, why it waits, and a link that asks before it approves.
    await expect
      .poll(() => notificationTo(MODERATOR, 'Will anyone tell me'), {
        message: 'the held-comment mail',
        timeout: 15_000,
      })
      .toBeTruthy()
    const held = notificationTo(MODERATOR, 'Will anyone tell me')!
    expect(held).toContain(`A comment on “${notificationPost.title}” is held for moderation (first comment)`)
    expect(held).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    const approveLink = /https?:\/\/[^\s"<>]+\/admin\/comments\/\d+\?confirm=approve/.exec(held)![0]
    await page.goto(approveLink)
    await expect(page.getByText('Approve this comment? It will appear on its post.')).toBeVisible()
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(page.getByRole('status')).toHaveText('1 comment updated.')
    await gotoUntilVisible(reader, post, reader.getByRole('article', { name: 'Comment by Mailed Reader' }))

    // The moderator answers from the comment's admin page: the reader is told.
    const answer = async (text: string) => {
      await page.getByLabel(/^Your reply to Mailed Reader/).fill(text)
      await page.getByRole('button', { name: 'Reply', exact: true }).click()
      await expect(page.getByRole('status')).toContainText('Your reply is published')
    }
    await answer('Here is your answer, by mail too.')
    await expect
      .poll(() => notificationTo(READER, 'Here is your answer'), { message: 'the reply mail', timeout: 15_000 })
      .toBeTruthy()
    const reply = notificationTo(READER, 'Here is your answer')!
    expect(reply).toContain('replied to your comment on “Tell me when someone answers”')
    expect(reply).not.toMatch(/^Reply-To:/im)

    // One click from the mail client: a plain POST to List-Unsubscribe, no session, no script.
    const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(reply)![1]
    const stopped = await page.request.post(oneClick, {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { cookie: '' },
    })
    expect(stopped.status()).toBe(200)
    expect(await stopped.text()).toBe('Unsubscribed.')
    const forged = await page.request.post(oneClick.replace(/sig=[^&]+/, 'sig=forged'), {
      form: { 'List-Unsubscribe': 'One-Click' },
    })
    expect(forged.status()).toBe(400)

    await answer('A second answer nobody is mailed about.')
    expect(await mailsWritten(READER, 'reply')).toBe(1)
    await reader.goto('/profile')
    await expect(
      reader.getByRole('checkbox', { name: 'Email me when someone replies to my comments' }),
    ).not.toBeChecked()

    // The reader would rather have one mail a day.
    await reader.getByRole('checkbox', { name: 'Email me when someone replies to my comments' }).check()
    await reader.getByRole('radio', { name: 'One digest a day, grouped by post' }).check()
    await reader.getByRole('button', { name: 'Save email choices' }).click()
    await expect(reader.getByRole('status')).toHaveText('Your email choices are saved.')
    await expect(reader.getByRole('radio', { name: 'One digest a day, grouped by post' })).toBeChecked()
    await expect(reader.getByRole('checkbox', { name: 'Email me when someone replies to my comments' })).toBeChecked()
  } finally {
    await readerContext.close()
  }
})

for (const withScript of [true, false]) {
  const target = withScript ? writeFirstPosts.js : writeFirstPosts.noJs
  test.describe(withScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: withScript })

    test('a signed-out reader writes a comment first, confirms it from the email, and sees it awaiting moderation', async ({
      page,
    }) => {
      const address = `write-first-${withScript ? 'js' : 'nojs'}@mail.example`
      const mailFile = path.join(MAIL_DIR, `${address}.eml`)
      await page.goto(`/posts/${target.slug}`)
      const respond = page.getByRole('region', { name: 'Leave a Reply' })
      if (withScript) {
        // Once the island has asked who is signed in (its sign-in link then comes back here) and
        // re-rendered, the form still says it is sent by its script.
        await expect(respond.getByRole('link', { name: 'Sign in to leave a reply' })).toHaveAttribute(
          'href',
          /%23respond$/,
        )
        await expect(respond.locator('input[name="via"]')).toHaveValue('script')
      }
      // A name of spaces passes the browser's check, not the blog's: refused beside its field, nothing
      // typed lost (without script, on the reply page the browser is sent back to).
      await respond.getByLabel('Name', { exact: true }).fill('   ')
      await respond.getByLabel('Email', { exact: true }).fill(address)
      await respond.getByLabel('Comment', { exact: true }).fill('I wrote this before having an account.')
      await respond.getByRole('button', { name: 'Post Comment' }).click()
      await expect(respond.getByRole('alert')).toHaveText('Enter the name to show with your comment.')
      await expect(respond.getByLabel('Comment', { exact: true })).toHaveValue('I wrote this before having an account.')
      await expect(respond.getByLabel('Email', { exact: true })).toHaveValue(address)
      await respond.getByLabel('Name', { exact: true }).fill('First Writer')
      await respond.getByRole('button', { name: 'Post Comment' }).click()
      await expect(page.getByRole('status')).toContainText(
        'Check your email: we sent you a link to confirm your comment.',
      )
      const anonymous = await page.request.get(`/posts/${target.slug}`, { headers: { cookie: '' } })
      expect(await anonymous.text()).not.toContain('I wrote this before having an account.')

      await expect.poll(() => fs.existsSync(mailFile), { message: 'the confirmation mail', timeout: 15_000 }).toBe(true)
      const mail = decodeQuotedPrintable(fs.readFileSync(mailFile, 'utf8'))
      expect(mail).toContain(`Confirm your comment on “${target.title}”`)
      const link = /https?:\/\/[^\s"<>]+\/comments\/confirm\?token=[\w-]+/.exec(mail)![0]
      await page.goto(link)
      await expect(page.getByRole('blockquote')).toHaveText('I wrote this before having an account.')
      await page.getByRole('button', { name: 'Post my comment' }).click()
      await expect(page.getByRole('status')).toContainText('awaiting moderation')
      await expect(page.getByRole('region', { name: 'Leave a Reply' })).toContainText('Signed in as First Writer.')
      expect(await commentStatus('I wrote this before having an account.')).toBe('pending')
    })
  })
}
