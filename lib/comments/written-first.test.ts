import type { Kysely } from 'kysely'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { insertPerson } from '@/lib/testing/people'
import { issueFormToken } from './form-token'
import { confirmUnconfirmedComment, keepUnconfirmedComment, loadUnconfirmedComment } from './written-first'
import { loadKeptForm } from '@/lib/forms/kept'

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

describe.each(await testDialects())('writing first, confirming by email, on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let postId: number
  const T0 = new Date('2026-12-02T09:00:00Z')
  const form = (extra: Record<string, unknown> = {}) => ({
    postId: String(postId),
    parentId: '',
    name: 'Wren Writer',
    email: ' Wren@Example.com ',
    body: 'Written before signing in.',
    honeypot: '',
    ...extra,
  })
  const confirmMail = async () =>
    db
      .selectFrom('outgoingMail')
      .select(['toAddress', 'kind', 'subject', 'textBody', 'userId'])
      .where('kind', '=', 'confirm-comment')
      .execute()
  const tokenIn = (text: string) => /\/comments\/confirm\?token=([\w-]+)/.exec(text)![1]
  beforeEach(async () => {
    db = database()
    postId = await insertPost(db, { slug: 'talk', title: 'Talk', body: 'b', status: 'published', publishedAt: T0 })
    await insertPerson(db, 'editor', 'editor')
  })

  it('keeps the comment unseen with a confirmation mail; confirming signs its writer in and posts it by the usual rules', async () => {
    expect(await keepUnconfirmedComment(form(), { ip: '198.51.100.1', now: T0 }, db)).toEqual({
      ok: true,
      postSlug: 'talk',
    })
    expect(await db.selectFrom('comment').select('id').execute()).toEqual([])
    const [mail] = await confirmMail()
    expect(mail).toMatchObject({
      toAddress: 'wren@example.com',
      userId: null,
      subject: '[Plateau] Confirm your comment on “Talk”',
    })
    // Nothing the writer typed reaches the inbox: anyone can type anyone's address.
    expect(mail.textBody).not.toContain('Written before signing in')
    expect(mail.textBody).not.toContain('Wren Writer')
    const token = tokenIn(mail.textBody)
    expect(await loadUnconfirmedComment(token, T0, db)).toEqual({
      postTitle: 'Talk',
      postSlug: 'talk',
      name: 'Wren Writer',
      body: 'Written before signing in.',
    })

    const confirmed = await confirmUnconfirmedComment(
      token,
      { ip: '198.51.100.1', now: new Date(T0.getTime() + 3_600_000) },
      db,
    )
    expect(confirmed).toMatchObject({ ok: true, postSlug: 'talk', comment: { ok: true, status: 'pending' } })
    const account = await db
      .selectFrom('User')
      .select(['id', 'name', 'email', 'role', 'emailVerified'])
      .where('email', '=', 'wren@example.com')
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({ name: 'Wren Writer', role: 'commenter' })
    expect(account.emailVerified).not.toBeNull()
    const comment = await db.selectFrom('comment').select(['authorId', 'body', 'status']).executeTakeFirstOrThrow()
    expect(comment).toEqual({ authorId: account.id, body: 'Written before signing in.', status: 'pending' })
    if (!confirmed.ok) throw new Error(confirmed.message)
    expect(
      (await db.selectFrom('Session').select(['userId', 'sessionToken']).execute()).find(
        (s) => s.sessionToken === confirmed.session.token,
      )?.userId,
    ).toBe(account.id)
    // The held comment reached the moderator; the link works once.
    expect(
      await db.selectFrom('outgoingMail').select('toAddress').where('kind', '=', 'held-comment').execute(),
    ).toEqual([{ toAddress: 'editor@example.com' }])
    expect(await confirmUnconfirmedComment(token, { ip: '198.51.100.1' }, db)).toMatchObject({
      ok: false,
      message: expect.stringContaining('expired or was used already'),
    })
  })

  it('refuses bad input beside its field, keeps nothing for a bot, and holds back a flood of mails', async () => {
    expect(
      await keepUnconfirmedComment(form({ email: 'not an address' }), { ip: '198.51.100.2', now: T0 }, db),
    ).toMatchObject({ ok: false, field: 'email' })
    expect(await keepUnconfirmedComment(form({ name: ' ' }), { ip: '198.51.100.2', now: T0 }, db)).toMatchObject({
      ok: false,
      field: 'name',
    })
    expect(
      await keepUnconfirmedComment(form({ honeypot: 'http://spam.example' }), { ip: '198.51.100.2', now: T0 }, db),
    ).toEqual({ ok: true, postSlug: 'talk' })
    expect(await confirmMail()).toEqual([])
    for (let i = 0; i < 5; i++)
      expect((await keepUnconfirmedComment(form({ body: `try ${i}` }), { ip: '198.51.100.3', now: T0 }, db)).ok).toBe(
        true,
      )
    expect(await keepUnconfirmedComment(form({ body: 'one more' }), { ip: '198.51.100.3', now: T0 }, db)).toEqual({
      ok: false,
      message: 'Too many sign-in emails were asked for. Check your inbox, or try again in an hour.',
    })
    expect(await confirmMail()).toHaveLength(5)
  })

  it('a link past 7 days, or forged, posts nothing', async () => {
    await keepUnconfirmedComment(form(), { ip: '198.51.100.4', now: T0 }, db)
    const token = tokenIn((await confirmMail())[0].textBody)
    expect(
      await confirmUnconfirmedComment(
        token,
        { ip: '198.51.100.4', now: new Date(T0.getTime() + 7 * 86_400_000 + 1) },
        db,
      ),
    ).toMatchObject({ ok: false })
    expect(
      await confirmUnconfirmedComment(`${token.slice(0, -2)}xx`, { ip: '198.51.100.4', now: T0 }, db),
    ).toMatchObject({ ok: false })
    expect(await db.selectFrom('comment').select('id').execute()).toEqual([])
    expect(await db.selectFrom('User').select('id').where('email', '=', 'wren@example.com').execute()).toEqual([])
  })

  it('sends no link, name or text a stranger wrote, whatever they typed', async () => {
    const spam = form({
      name: 'Cheap pills at https://pills.example',
      body: 'Visit [us](https://pills.example) www.pills.example',
    })
    expect(await keepUnconfirmedComment(spam, { ip: '198.51.100.5', now: T0 }, db)).toEqual({
      ok: true,
      postSlug: 'talk',
    })
    const [mail] = await db.selectFrom('outgoingMail').selectAll().where('kind', '=', 'confirm-comment').execute()
    for (const part of [mail.subject, mail.textBody, mail.htmlBody]) {
      expect(part).not.toMatch(/pills|Cheap/)
      for (const link of part.match(/https?:\/\/[^\s"<>]+/g) ?? [])
        expect(link).toMatch(/^https?:\/\/localhost(:\d+)?(\/|$)/)
    }
  })

  it('uses a link once, even when the comment it confirms is refused, keeping the text for its writer', async () => {
    const writer = await insertPerson(db, 'commenter', 'Wren')
    await db.updateTable('User').set({ email: 'wren@example.com' }).where('id', '=', writer.id).execute()
    await keepUnconfirmedComment(form({ body: 'Said twice.' }), { ip: '198.51.100.6', now: T0 }, db)
    await keepUnconfirmedComment(form({ body: 'Said twice.' }), { ip: '198.51.100.6', now: T0 }, db)
    const [first, second] = (await confirmMail()).map((m) => tokenIn(m.textBody))
    const later = new Date(T0.getTime() + 60_000)
    expect(await confirmUnconfirmedComment(first, { ip: '198.51.100.6', now: later }, db)).toMatchObject({
      ok: true,
      comment: { ok: true },
    })
    // The same text again is refused by the usual rules: the link is used up all the same, and the text kept for its writer.
    const refused = await confirmUnconfirmedComment(
      second,
      { ip: '198.51.100.6', now: new Date(later.getTime() + 60_000) },
      db,
    )
    expect(refused).toMatchObject({
      ok: true,
      comment: { ok: false, keptAt: expect.stringMatching(/^\/posts\/talk\/reply\?form=[\w-]+#respond$/) },
    })
    const keptAt = new URL((refused as { comment: { keptAt: string } }).comment.keptAt, 'http://localhost')
    expect(await loadKeptForm(writer.id, keptAt.searchParams.get('form'), later, db)).toMatchObject({
      status: 'error',
      values: { body: 'Said twice.' },
      message: expect.stringContaining('already'),
    })
    const sessions = await db.selectFrom('Session').select('id').execute()
    expect(
      await confirmUnconfirmedComment(second, { ip: '198.51.100.6', now: new Date(later.getTime() + 120_000) }, db),
    ).toMatchObject({ ok: false, reason: 'expired' })
    expect(await db.selectFrom('Session').select('id').execute()).toHaveLength(sessions.length)
  })

  it('screens the comment by how long its form took, not by how soon the mail is opened', async () => {
    const writer = await insertPerson(db, 'commenter', 'Quick')
    await db.updateTable('User').set({ email: 'wren@example.com' }).where('id', '=', writer.id).execute()
    // Written over a minute, then confirmed a second after it was sent: a person, not a bot.
    await keepUnconfirmedComment(
      form({ body: 'Took my time.', formToken: issueFormToken(new Date(T0.getTime() - 60_000)) }),
      { ip: '198.51.100.7', now: T0 },
      db,
    )
    const token = tokenIn((await confirmMail())[0].textBody)
    expect(
      await confirmUnconfirmedComment(token, { ip: '198.51.100.7', now: new Date(T0.getTime() + 1000) }, db),
    ).toMatchObject({ comment: { ok: true, status: 'pending' } })
    // Sent a second after the form appeared: a bot's speed, screened as spam whenever it is confirmed.
    await keepUnconfirmedComment(
      form({ body: 'Too fast.', formToken: issueFormToken(new Date(T0.getTime() - 1000)) }),
      { ip: '198.51.100.7', now: T0 },
      db,
    )
    const fast = tokenIn((await confirmMail())[1].textBody)
    expect(
      await confirmUnconfirmedComment(fast, { ip: '198.51.100.7', now: new Date(T0.getTime() + 3_600_000) }, db),
    ).toMatchObject({ comment: { ok: true, status: 'spam' } })
    // A forged token: told all went well, nothing kept.
    expect(
      await keepUnconfirmedComment(
        form({ body: 'Forged.', formToken: '123.abc' }),
        { ip: '198.51.100.7', now: T0 },
        db,
      ),
    ).toEqual({ ok: true, postSlug: 'talk' })
    expect(await confirmMail()).toHaveLength(2)
  })
})
