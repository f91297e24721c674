import type { Kysely } from 'kysely'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { findUserById, tombstoneUser } from '@/db/queries/users'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database, Role } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { loadPostView } from '@/lib/posts/views'
import { issueFormToken } from './form-token'
import { deleteComment, editComment, postComment } from './posting'
import { loadRespondState } from './respond'
import { publicChanges } from '@/lib/changes'

// Every rule a comment passes on its way in, on both databases, through the same functions the
// server actions call — including the calls a hand-made POST could make.

const T0 = new Date('2026-06-01T12:00:00.000Z')
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const ip = { ip: '203.0.113.7' }

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

describe.each(await testDialects())('commenting on $name', (dialect) => {
  let db: Kysely<Database>
  let postId: number
  let rootId: number
  let clock = 0

  const person = (name: string, role: Role = 'commenter', banned = false) =>
    insertPerson(db, role, name, { banned, bannedAt: T0 })

  /** Posts as a person would: a form shown a minute ago, sent a little after the previous one. */
  function post(viewer: Viewer | null, body: string, extra: Record<string, unknown> = {}) {
    clock += 60
    const now = later(clock)
    return postComment(
      viewer,
      { postId, parentId: '', body, honeypot: '', formToken: issueFormToken(later(clock - 30)), ...extra },
      { ...ip, now },
      db,
    )
  }

  const database = useTestDatabase(dialect)
  beforeEach(async () => {
    db = database()
    clock = 0
    postId = await insertPost(db, { slug: 'open', title: 'Open', body: 'b', status: 'published', publishedAt: T0 })
    rootId = await insertComment(db, { postId, authorName: 'Guest', body: 'root', status: 'approved', createdAt: T0 })
  })

  describe('who may post', () => {
    it('refuses anonymous and banned people and changes nothing', async () => {
      expect(await post(null, 'hello')).toEqual({ ok: false, message: 'Sign in to leave a comment.' })
      expect(await post(await person('Bad', 'commenter', true), 'hello')).toMatchObject({
        ok: false,
        message: /can no longer comment/,
      })
      const count = await db.selectFrom('comment').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(1)
    })

    it('approves an editor at once and holds a new commenter’s first comment', async () => {
      expect(await post(await person('Ed', 'editor'), 'From the editor.')).toMatchObject({
        ok: true,
        status: 'approved',
        postSlug: 'open',
        changes: publicChanges({ posts: ['open'] }),
      })
      const carol = await person('Carol')
      // Held: readers see nothing change.
      expect(await post(carol, 'My first words.')).toMatchObject({
        ok: true,
        status: 'pending',
        changes: publicChanges({}),
      })
      expect(await post(carol, 'My second words.')).toMatchObject({ ok: true, status: 'pending' })
      await db.updateTable('comment').set({ status: 'approved' }).where('body', '=', 'My first words.').execute()
      expect(await post(carol, 'Now I am known.')).toMatchObject({ ok: true, status: 'approved' })
    })

    it('shows a held comment to its author as awaiting moderation and to nobody else', async () => {
      const carol = await person('Carol')
      const held = await post(carol, 'Please approve me.')
      const mine = await loadRespondState(carol, postId, {}, later(clock), db)
      expect(mine.ownComments).toMatchObject([{ id: held.ok ? held.id : -1, awaitingModeration: true }])
      const other = await loadRespondState(await person('Dan'), postId, {}, later(clock), db)
      expect(other.ownComments).toEqual([])
      expect(JSON.stringify(await loadPostView('open', { page: 1 }, db))).not.toContain('Please approve me.')
    })
  })

  describe('moderation rules', () => {
    let known: Viewer
    beforeEach(async () => {
      known = await person('Known')
      await insertComment(db, {
        postId,
        authorId: known.id,
        body: 'approved before',
        status: 'approved',
        createdAt: T0,
      })
    })

    it('hold a comment with two or more links, and let one link through', async () => {
      expect(await post(known, 'See https://a.example')).toMatchObject({ status: 'approved' })
      expect(await post(known, 'See https://a.example and [b](https://b.example)')).toMatchObject({ status: 'pending' })
      await writeSetting(db, 'linkLimit', 3)
      expect(await post(known, 'Again https://a.example and www.b.example')).toMatchObject({ status: 'approved' })
    })

    it('hold words on the moderation list and send words on the block list to spam', async () => {
      await writeSetting(db, 'moderationWords', ['casino'])
      await writeSetting(db, 'blockWords', ['cheap pills'])
      expect(await post(known, 'A CASINO near me')).toMatchObject({ status: 'pending' })
      expect(await post(known, 'Buy cheap pills now')).toMatchObject({ status: 'spam' })
      expect(await post(known, 'Nothing to see')).toMatchObject({ status: 'approved' })
    })

    it('mark bots as spam: the hidden field filled, a form sent too fast, a forged form token', async () => {
      expect(await post(known, 'bot one', { honeypot: 'http://spam.example' })).toMatchObject({ status: 'spam' })
      clock += 60
      expect(
        await postComment(
          known,
          { postId, body: 'bot two', formToken: issueFormToken(later(clock)) },
          { ...ip, now: later(clock + 1) },
          db,
        ),
      ).toMatchObject({
        status: 'spam',
      })
      expect(await post(known, 'bot three', { formToken: `${T0.getTime()}.forged` })).toMatchObject({ status: 'spam' })
      expect(await post(known, 'a person')).toMatchObject({ status: 'approved' })
    })

    it('refuse the same text twice, and a second comment within 15 seconds', async () => {
      expect(await post(known, 'Only once.')).toMatchObject({ ok: true })
      const now = later(clock + 5)
      const quick = await postComment(
        known,
        { postId, body: 'Too quick', formToken: issueFormToken(later(clock - 60)) },
        { ...ip, now },
        db,
      )
      expect(quick).toEqual({ ok: false, message: 'You are posting too fast. Wait a few seconds and try again.' })
      expect(await post(known, '  Only once.  ')).toEqual({
        ok: false,
        message: 'You have already posted this comment.',
        field: 'body',
      })
      expect(await post(known, 'Patient now.')).toMatchObject({ ok: true })
    })
  })

  describe('what is refused without changing anything', () => {
    let known: Viewer
    beforeEach(async () => {
      known = await person('Known', 'editor')
    })

    it('bodies that are empty, too long or not text', async () => {
      expect(await post(known, '   ')).toMatchObject({
        ok: false,
        field: 'body',
        message: 'Write your comment before posting.',
      })
      expect(await post(known, 'x'.repeat(10_001))).toMatchObject({
        ok: false,
        field: 'body',
        message: /at most 10,000 characters/,
      })
      expect(await post(known, 42 as unknown as string)).toMatchObject({ ok: false, field: 'body' })
      expect(await post(known, `  ${'y'.repeat(10_000)}  `)).toMatchObject({ ok: true })
    })

    it('a draft, scheduled, closed or missing post, or a wrong post id', async () => {
      const draft = await insertPost(db, { slug: 'd', title: 'D', body: 'b', status: 'draft' })
      const closed = await insertPost(db, {
        slug: 'c',
        title: 'C',
        body: 'b',
        status: 'published',
        publishedAt: T0,
        commentsOpen: false,
      })
      expect(await post(known, 'x', { postId: draft })).toEqual({
        ok: false,
        message: 'This post is not open for comments.',
      })
      expect(await post(known, 'x', { postId: closed })).toEqual({
        ok: false,
        message: 'Comments are closed on this post.',
      })
      expect(await post(known, 'x', { postId: 99_999 })).toEqual({
        ok: false,
        message: 'This post is not open for comments.',
      })
      expect(await post(known, 'x', { postId: 'abc' })).toMatchObject({ ok: false })
    })

    it('a published page refuses comments; a draft refuses them; a scheduled post accepts them once due', async () => {
      const page = await insertPost(db, {
        kind: 'page',
        slug: 'about-us',
        title: 'About',
        body: 'b',
        status: 'published',
        publishedAt: T0,
      })
      const draft = await insertPost(db, { slug: 'draft-2', title: 'D', body: 'b', status: 'draft' })
      const due = await insertPost(db, {
        slug: 'due',
        title: 'Due',
        body: 'b',
        status: 'scheduled',
        publishedAt: new Date(Date.now() - 60_000),
      })
      const later = await insertPost(db, {
        slug: 'later',
        title: 'Later',
        body: 'b',
        status: 'scheduled',
        publishedAt: new Date(Date.now() + 86_400_000),
      })
      const closed = { ok: false, message: 'This post is not open for comments.' }
      expect(await post(known, 'on a page', { postId: page })).toEqual(closed)
      expect(await post(known, 'on a draft', { postId: draft })).toEqual(closed)
      expect(await post(known, 'too early', { postId: later })).toEqual(closed)
      expect(await post(known, 'right on time', { postId: due })).toMatchObject({ ok: true })
      const stored = await db.selectFrom('comment').select('body').where('postId', 'in', [page, draft, later]).execute()
      expect(stored).toEqual([])
    })

    it('a post older than the site’s “close comments after N days”, and only then', async () => {
      const old = await insertPost(db, {
        slug: 'old',
        title: 'Old',
        body: 'b',
        status: 'published',
        publishedAt: new Date(T0.getTime() - 3 * 86_400_000),
      })
      expect(await post(known, 'still open', { postId: old })).toMatchObject({ ok: true })
      await writeSetting(db, 'closeCommentsAfterDays', 2)
      expect(await post(known, 'now closed', { postId: old })).toEqual({
        ok: false,
        message: 'Comments are closed on this post.',
      })
      expect(await post(known, 'a new post is open')).toMatchObject({ ok: true })
      expect((await loadPostView('old', { page: 1 }, db))?.post.commentsOpen).toBe(false)
    })

    it('a parent from another post, or one that is not approved', async () => {
      const other = await insertPost(db, { slug: 'o', title: 'O', body: 'b', status: 'published', publishedAt: T0 })
      const elsewhere = await insertComment(db, { postId: other, body: 'elsewhere', status: 'approved' })
      const held = await insertComment(db, { postId, body: 'held', status: 'pending' })
      const message = 'The comment you are replying to is no longer there.'
      expect(await post(known, 'x', { parentId: elsewhere })).toEqual({ ok: false, message })
      expect(await post(known, 'x', { parentId: held })).toEqual({ ok: false, message })
      expect(await post(known, 'x', { parentId: 123_456 })).toEqual({ ok: false, message })
    })
  })

  describe('threading depth', () => {
    it('nests replies up to the setting and attaches deeper ones at the deepest level', async () => {
      const ed = await person('Ed', 'editor')
      const ids = [rootId]
      for (let level = 2; level <= 5; level++) {
        const r = await post(ed, `level ${level}`, { parentId: ids[ids.length - 1] })
        if (!r.ok) throw new Error(r.message)
        ids.push(r.id)
      }
      const deeper = await post(ed, 'level 6?', { parentId: ids[4] })
      const row = await db
        .selectFrom('comment')
        .select('parentId')
        .where('body', '=', 'level 6?')
        .executeTakeFirstOrThrow()
      expect(deeper.ok).toBe(true)
      expect(row.parentId).toBe(ids[3]) // a sibling of the level-5 comment
      await writeSetting(db, 'commentDepth', 1)
      await post(ed, 'flat', { parentId: ids[2] })
      expect(
        (await db.selectFrom('comment').select('parentId').where('body', '=', 'flat').executeTakeFirstOrThrow())
          .parentId,
      ).toBeNull()
    })
  })

  it('posts a reply with as many statements at the fifth level as at the second, the settings read once', async () => {
    const ed = await person('Ed', 'editor')
    const statements: string[] = []
    const counted = db.withPlugin({
      transformQuery: (args) => {
        statements.push(
          args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('"setting"')
            ? 'settings'
            : args.node.kind,
        )
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    const reply = async (parentId: number, body: string) => {
      statements.length = 0
      clock += 60
      const r = await postComment(
        ed,
        { postId, parentId, body, honeypot: '', formToken: issueFormToken(later(clock - 30)) },
        { ...ip, now: later(clock) },
        counted,
      )
      if (!r.ok) throw new Error(r.message)
      return { id: r.id, statements: [...statements] }
    }
    const second = await reply(rootId, 'level 2')
    let parent = second.id
    for (let level = 3; level < 5; level++) parent = (await reply(parent, `level ${level}`)).id
    const fifth = await reply(parent, 'level 5')
    expect(fifth.statements).toEqual(second.statements)
    expect(fifth.statements.filter((s) => s === 'settings')).toHaveLength(1)
  })

  describe('editing and deleting', () => {
    let carol: Viewer
    let dan: Viewer
    let mineId: number
    beforeEach(async () => {
      carol = await person('Carol')
      dan = await person('Dan')
      mineId = await insertComment(db, {
        postId,
        authorId: carol.id,
        body: 'original',
        status: 'approved',
        createdAt: T0,
      })
    })

    it('let the author edit within 15 minutes, marked as edited', async () => {
      expect(await editComment(carol, { commentId: mineId, body: 'changed' }, later(14 * 60), db)).toMatchObject({
        ok: true,
        changes: publicChanges({ posts: ['open'] }),
      })
      const view = await loadPostView('open', { page: 1 }, db)
      expect(view?.comments.find((n) => n.comment.id === mineId)?.comment).toMatchObject({
        edited: true,
        html: '<p>changed</p>',
      })
      expect(await editComment(carol, { commentId: mineId, body: 'too late' }, later(16 * 60), db)).toMatchObject({
        ok: false,
        message: /can be edited for 15 minutes/,
      })
    })

    it('refuse anyone else’s edit or delete, and anonymous ones, without changing anything', async () => {
      const notYours = { ok: false, message: 'That comment does not exist or is not yours to change.' }
      expect(await editComment(dan, { commentId: mineId, body: 'hijack' }, later(60), db)).toEqual(notYours)
      expect(await deleteComment(dan, mineId, later(60), db)).toEqual(notYours)
      expect(await editComment(null, { commentId: mineId, body: 'x' }, later(60), db)).toMatchObject({ ok: false })
      expect(await deleteComment(null, mineId, later(60), db)).toMatchObject({ ok: false })
      expect(await deleteComment(carol, 'DROP TABLE', later(60), db)).toEqual(notYours)
      const row = await db
        .selectFrom('comment')
        .select(['body', 'deletedAt'])
        .where('id', '=', mineId)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ body: 'original', deletedAt: null })
    })

    it('let an editor edit and delete anyone’s comment, at any time', async () => {
      const ed = await person('Ed', 'editor')
      expect(await editComment(ed, { commentId: mineId, body: 'moderated' }, later(86_400), db)).toMatchObject({
        ok: true,
      })
      expect(await deleteComment(ed, mineId, later(86_400), db)).toMatchObject({ ok: true })
    })

    it('give a banned editor no moderation powers through the public comment actions', async () => {
      const banned = await person('Bea', 'editor', true)
      const notYours = { ok: false, message: 'That comment does not exist or is not yours to change.' }
      expect(await editComment(banned, { commentId: mineId, body: 'vandalised' }, later(60), db)).toEqual(notYours)
      expect(await deleteComment(banned, mineId, later(60), db)).toEqual(notYours)
      const row = await db
        .selectFrom('comment')
        .select(['body', 'deletedAt'])
        .where('id', '=', mineId)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ body: 'original', deletedAt: null })
    })

    it('keep a deleted comment with replies as [deleted], and remove one without', async () => {
      const reply = await insertComment(db, {
        postId,
        parentId: mineId,
        authorId: dan.id,
        body: 'a reply',
        status: 'approved',
        createdAt: T0,
      })
      expect(await deleteComment(carol, mineId, later(60), db)).toMatchObject({
        ok: true,
        changes: publicChanges({ posts: ['open'] }),
      })
      let view = await loadPostView('open', { page: 1 }, db)
      const kept = view!.comments.find((n) => n.comment.id === mineId)!
      expect(kept.comment).toMatchObject({ deleted: true, authorName: '[deleted]', html: '<p>[deleted]</p>' })
      expect(kept.replies.map((r) => r.comment.id)).toEqual([reply])
      expect(view!.commentCount).toBe(2)
      expect(JSON.stringify(view)).not.toContain('original')

      await deleteComment(dan, reply, later(60), db)
      view = await loadPostView('open', { page: 1 }, db)
      expect(view!.comments.map((n) => n.comment.id)).toEqual([rootId])
    })
  })

  describe('accounts', () => {
    it('a deleted account’s comments stay, as “Deleted account”, with its name and email gone', async () => {
      const carol = await person('Carol')
      await insertComment(db, { postId, authorId: carol.id, body: 'still here', status: 'approved', createdAt: T0 })
      await tombstoneUser(db, carol.id)
      expect(await findUserById(db, carol.id)).toMatchObject({ name: null, email: null })
      const view = await loadPostView('open', { page: 1 }, db)
      expect(view!.comments.find((n) => n.comment.html.includes('still here'))!.comment.authorName).toBe(
        'Deleted account',
      )
    })
  })
})
