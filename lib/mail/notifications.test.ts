import type { Kysely } from 'kysely'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database, Role } from '@/db/types'
import { moderateComments } from '@/lib/comments/moderation'
import type { Viewer } from '@/lib/people/viewer'
import { issueFormToken } from '@/lib/comments/form-token'
import { postComment } from '@/lib/comments/posting'
import { insertPerson } from '@/lib/testing/people'
import { followPost } from '@/db/queries/outgoing-mail'
import { writeDueDigests } from '@/lib/mail/notifications'
import { unsubscribe } from '@/lib/mail/unsubscribe'

// Who gets which mail: written with the comment, in the outbox (outgoingMail).

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

describe.each(await testDialects())('notifications on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let postId: number
  let clock = 0
  const T0 = new Date('2026-06-01T12:00:00.000Z')
  const person = (name: string, role: Role = 'commenter', banned = false) => insertPerson(db, role, name, { banned })
  /** Posts as a person would: a form shown a while ago, each comment a minute after the last. */
  const comment = (viewer: Viewer, body: string, parentId: number | '' = '', follow = false, onPost = postId) => {
    clock += 60
    const now = new Date(T0.getTime() + clock * 1000)
    return postComment(
      viewer,
      {
        postId: onPost,
        parentId,
        body,
        honeypot: '',
        formToken: issueFormToken(new Date(now.getTime() - 30_000)),
        follow: follow ? 'on' : '',
      },
      { ip: `198.51.100.${clock % 250}`, now },
      db,
    )
  }
  const mails = async () =>
    (
      await db
        .selectFrom('outgoingMail')
        .select(['toAddress', 'kind', 'subject', 'textBody', 'htmlBody', 'headers', 'dedupeKey'])
        .orderBy('id')
        .execute()
    ).map((m) => ({ ...m, headers: JSON.parse(m.headers) as Record<string, string> }))
  const who = async () => (await mails()).map((m) => `${m.kind} → ${m.toAddress}`)
  const approved = async (viewer: Viewer) => {
    // A person whose comments go straight in (they have one approved already).
    await insertComment(db, {
      postId,
      authorId: viewer.id,
      body: `earlier by ${viewer.name}`,
      status: 'approved',
      createdAt: T0,
    })
    return viewer
  }

  let editor: Viewer, admin: Viewer, quietAdmin: Viewer
  beforeEach(async () => {
    db = database()
    clock = 0
    postId = await insertPost(db, { slug: 'talk', title: 'Talk', body: 'b', status: 'published', publishedAt: T0 })
    editor = await person('editor', 'editor')
    admin = await person('admin', 'admin')
    quietAdmin = await person('quiet', 'admin')
    await db.updateTable('User').set({ notifyHeld: 'off' }).where('id', '=', quietAdmin.id).execute()
    await person('banned-editor', 'editor', true)
  })

  it('a held comment reaches each moderator who wants it — not the quiet one, not a banned one, not its author', async () => {
    const newcomer = await person('newcomer')
    const held = await comment(newcomer, 'Hello, *first* time here <script>alert(1)</script>')
    expect(held).toMatchObject({ ok: true, status: 'pending' })
    expect((await who()).sort()).toEqual(['held-comment → admin@example.com', 'held-comment → editor@example.com'])
    const [mail] = await mails()
    expect(mail.subject).toBe('[Plateau] A comment on “Talk” waits for you')
    expect(mail.textBody).toContain('held for moderation (first comment)')
    expect(mail.textBody).toContain('> Hello, *first* time here')
    expect(mail.htmlBody).toContain('<em>first</em>')
    expect(mail.htmlBody).not.toContain('<script')
    expect(mail.htmlBody).not.toMatch(/<img/i)
    expect(mail.textBody).toMatch(/Approve: http:\/\/localhost:\d+\/admin\/comments\/\d+\?confirm=approve/)
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(mail.headers['List-Unsubscribe']).toMatch(
      /^<http:\/\/localhost:\d+\/api\/unsubscribe\?u=.+&topic=held&sig=.+>$/,
    )
    // A moderator's own comment is never held, so nobody hears of it.
    await comment(editor, 'From the editor')
    expect(await mails()).toHaveLength(2)
  })

  it('a reply reaches the parent’s author once it can be seen, once; never the replier, never a banned or unsubscribed author', async () => {
    const asker = await approved(await person('asker'))
    const answerer = await approved(await person('answerer'))
    const question = await comment(asker, 'Does anyone know?')
    if (!question.ok) throw new Error(question.message)
    expect(await who()).toEqual([])

    const answer = await comment(answerer, 'Yes: **this**.', question.id)
    expect(answer).toMatchObject({ ok: true, status: 'approved' })
    expect(await who()).toEqual(['reply → asker@example.com'])
    const [mail] = await mails()
    expect(mail.subject).toBe('[Plateau] answerer replied to your comment on “Talk”')
    expect(mail.textBody).toMatch(
      new RegExp(`Read it and answer: http://localhost:\\d+/c/${answer.ok ? answer.id : 0}`),
    )

    await comment(asker, 'Thanks, me again', question.id)
    expect(await mails()).toHaveLength(1)

    // A reply held for moderation tells nobody yet (but the moderators); approved, it tells the asker, once.
    const stranger = await person('stranger')
    const held = await comment(stranger, 'Held reply', question.id)
    if (!held.ok) throw new Error(held.message)
    expect((await who()).filter((w) => w.startsWith('reply'))).toEqual(['reply → asker@example.com'])
    await moderateComments(admin, 'approve', [held.id], db)
    await moderateComments(admin, 'unapprove', [held.id], db)
    await moderateComments(admin, 'approve', [held.id], db)
    expect((await who()).filter((w) => w.startsWith('reply'))).toEqual([
      'reply → asker@example.com',
      'reply → asker@example.com',
    ])
    expect(new Set((await mails()).map((m) => m.dedupeKey)).size).toBe((await mails()).length)

    // The asker unsubscribes from replies through the mail's own link: the next reply tells nobody.
    const link = new URL(
      /^<(.+)>$/.exec((await mails()).find((m) => m.kind === 'reply')!.headers['List-Unsubscribe'])![1],
    )
    expect(await unsubscribe(Object.fromEntries(link.searchParams), db)).toEqual({ userId: asker.id, topic: 'replies' })
    const before = (await mails()).length
    await comment(answerer, 'Another answer', question.id)
    expect(await mails()).toHaveLength(before)

    // A forged link changes nothing.
    expect(await unsubscribe({ u: answerer.id, topic: 'replies', sig: link.searchParams.get('sig') }, db)).toBeNull()
    expect(
      (await db.selectFrom('User').select('notifyReplies').where('id', '=', answerer.id).executeTakeFirstOrThrow())
        .notifyReplies,
    ).toBe('each')

    // A banned author hears nothing.
    const answererQuestion = await comment(answerer, 'My own question')
    await db.updateTable('User').set({ bannedAt: new Date() }).where('id', '=', answerer.id).execute()
    if (!answererQuestion.ok) throw new Error(answererQuestion.message)
    await comment(await approved(await person('third')), 'An answer to a banned person', answererQuestion.id)
    expect(await mails()).toHaveLength(before)
  })

  it('followers hear of each new comment they can see — one mail when also its parent’s author — and a held comment’s author hears it is published', async () => {
    const follower = await approved(await person('follower'))
    const talker = await approved(await person('talker'))
    const first = await comment(follower, 'I will follow this', '', true)
    if (!first.ok) throw new Error(first.message)
    expect(await who()).toEqual([])

    await comment(talker, 'A comment for the followers')
    await comment(talker, 'A reply to the follower', first.id)
    expect(await who()).toEqual(['follow → follower@example.com', 'reply → follower@example.com'])
    expect((await mails())[0].headers['List-Unsubscribe']).toContain(`topic=follow-${postId}`)
    // Their own comments tell them nothing.
    await comment(follower, 'Me again')
    expect(await mails()).toHaveLength(2)

    // A newcomer's held comment: followers hear nothing until it is approved; then they, and its author, do.
    const newcomer = await person('newcomer')
    const held = await comment(newcomer, 'A first comment')
    if (!held.ok) throw new Error(held.message)
    expect((await who()).filter((w) => !w.startsWith('held'))).toHaveLength(2)
    await moderateComments(admin, 'approve', [held.id], db)
    expect(
      (await who())
        .filter((w) => !w.startsWith('held'))
        .slice(2)
        .sort(),
    ).toEqual(['approved → newcomer@example.com', 'follow → follower@example.com'])
    expect((await mails()).find((m) => m.kind === 'approved')!.subject).toBe(
      '[Plateau] Your comment on “Talk” is published',
    )

    // The follow link stops exactly this post's conversation.
    const link = new URL(
      /^<(.+)>$/.exec((await mails()).find((m) => m.kind === 'follow')!.headers['List-Unsubscribe'])![1],
    )
    expect(await unsubscribe(Object.fromEntries(link.searchParams), db)).toEqual({
      userId: follower.id,
      topic: `follow-${postId}`,
    })
    const before = (await mails()).length
    await comment(talker, 'Nobody follows now')
    expect(await mails()).toHaveLength(before)
    expect(
      (await db.selectFrom('User').select('notifyReplies').where('id', '=', follower.id).executeTakeFirstOrThrow())
        .notifyReplies,
    ).toBe('each')
  })

  it('a daily digest gathers a day of notices into one mail per person, grouped by post, without what is no longer news — written once by two racing senders', async () => {
    const reader = await approved(await person('reader'))
    const talker = await approved(await person('talker'))
    await db.updateTable('User').set({ mailDelivery: 'daily' }).where('id', 'in', [reader.id, editor.id]).execute()
    const otherPost = await insertPost(db, {
      slug: 'other',
      title: 'Other',
      body: 'b',
      status: 'published',
      publishedAt: T0,
    })
    await followPost(db, reader.id, otherPost, T0)

    const question = await comment(reader, 'My question', '', true)
    if (!question.ok) throw new Error(question.message)
    await comment(talker, 'An answer', question.id)
    await comment(talker, 'Another remark')
    await comment(talker, 'Over on the other post', '', false, otherPost)
    const stillHeld = await comment(await person('newcomer'), 'Held and still waiting')
    const laterApproved = await comment(await person('second-newcomer'), 'Held, then approved')
    if (!stillHeld.ok || !laterApproved.ok) throw new Error('not posted')
    await moderateComments(admin, 'approve', [laterApproved.id], db)

    // Nothing went out to the two who chose a digest; the admin who did not got each held comment.
    expect((await who()).filter((w) => w.includes('reader@') || w.includes('editor@'))).toEqual([])
    expect((await who()).filter((w) => w.startsWith('held-comment'))).toEqual([
      'held-comment → admin@example.com',
      'held-comment → admin@example.com',
    ])

    const hour = 60 * 60_000
    expect(await writeDueDigests(new Date(T0.getTime() + 23 * hour), db)).toBe(0)
    const due = new Date(T0.getTime() + 25 * hour)
    const racing = await Promise.all([writeDueDigests(due, db), writeDueDigests(due, db)])
    expect(racing[0] + racing[1]).toBe(2)
    const digests = (await mails()).filter((m) => m.kind === 'digest')
    expect(digests.map((m) => m.toAddress).sort()).toEqual(['editor@example.com', 'reader@example.com'])

    const toReader = digests.find((m) => m.toAddress === 'reader@example.com')!
    expect(toReader.subject).toBe('[Plateau] Your daily digest: 4 comments on 2 posts')
    const text = toReader.textBody
    const order = [
      'On “Talk”',
      'talker replied to your comment:',
      '> An answer',
      'talker commented:',
      '> Another remark',
      '> Held, then approved',
      'On “Other”',
      '> Over on the other post',
    ]
    expect(order.map((line) => text.indexOf(line))).toEqual(
      [...order.map((line) => text.indexOf(line))].sort((a, b) => a - b),
    )
    expect(order.every((line) => text.includes(line))).toBe(true)
    expect(toReader.headers['List-Unsubscribe']).toContain('topic=all')

    // The editor's holds only what still waits: the approved one is no longer news.
    const toEditor = digests.find((m) => m.toAddress === 'editor@example.com')!
    expect(toEditor.subject).toBe('[Plateau] Your daily digest: one comment on “Talk”')
    expect(toEditor.textBody).toContain('newcomer wrote, held for moderation (first comment):')
    expect(toEditor.textBody).toMatch(/Approve: http:\/\/localhost:\d+\/admin\/comments\/\d+\?confirm=approve/)
    expect(toEditor.textBody).not.toContain('Held, then approved')

    // Taken once: a later round writes nothing more.
    expect(await writeDueDigests(new Date(due.getTime() + 25 * hour), db)).toBe(0)
    expect(await db.selectFrom('digestItem').select('id').execute()).toEqual([])

    // The digest's one-click link stops every kind of mail, follows included.
    const link = new URL(/^<(.+)>$/.exec(toReader.headers['List-Unsubscribe'])![1])
    expect(await unsubscribe(Object.fromEntries(link.searchParams), db)).toEqual({ userId: reader.id, topic: 'all' })
    expect(
      await db
        .selectFrom('User')
        .select(['notifyReplies', 'notifyHeld'])
        .where('id', '=', reader.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ notifyReplies: 'off', notifyHeld: 'off' })
    expect(await db.selectFrom('postFollow').select('postId').where('userId', '=', reader.id).execute()).toEqual([])
  })
})
