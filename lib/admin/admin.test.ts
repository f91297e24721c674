import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { CommentStatus, Database, Role } from '@/db/types'
import { PermissionDenied } from '@/lib/auth/permissions'
import type { Viewer } from '@/lib/auth/viewer'
import { issueFormToken } from '@/lib/comments/form-token'
import { postComment } from '@/lib/comments/posting'
import { loadAuditLog } from './audit'
import { editAsModerator, loadCommentForModeration, loadModerationQueue, moderateComments, replyAsModerator } from './moderation'
import { changeRole, changeRoleByEmail, loadPeople, setBan } from './people'
import { loadSettingsForm, saveSettings } from './settings'
import { getSiteSettings } from '@/lib/settings'
import { autosavePost, loadPostList, savePost } from '@/lib/posts/editing'
import { loadRevisions, restoreRevision } from '@/lib/posts/revisions'
import { postForm } from '@/lib/testing/post-form'
import { uploadImage } from '@/lib/uploads/images'
import { databaseStorage } from '@/lib/uploads/storage'
import { insertRevision } from '@/db/queries/revisions'
import { importUploadedExport, loadImportOutcome } from '@/lib/wordpress/upload'
import { publicChanges } from '@/lib/cache/tags'

const ONE_PIXEL_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

const validForm = {
  title: 'My blog',
  tagline: 'A blog with conversations worth reading',
  postsPerPage: '10',
  commentDepth: '5',
  holdFirstComment: 'on',
  linkLimit: '2',
  moderationWords: '',
  blockWords: '',
  floodSeconds: '15',
  minSubmitSeconds: '3',
  editMinutes: '15',
  commentsPerPage: '50',
  closeCommentsAfterDays: '0',
  commentOrder: 'oldest',
  uploadMaxMegabytes: '10',
  importMaxMegabytes: '200',
  navigation: '',
}

/** The import form's upload, as the browser sends it (with no file chosen). */
const exportUpload = () => {
  const form = new FormData()
  form.set('file', new File([], ''))
  return new Request('http://localhost/admin/import/upload', { method: 'POST', body: form })
}

const shownAMinuteAgo = () => issueFormToken(new Date(Date.now() - 60_000))

describe.each(await testDialects())('the admin on $name', (dialect) => {
  let db: Kysely<Database>
  let postId: number
  const viewers = {} as Record<Role | 'banned', Viewer>

  const person = (name: string, role: Role, banned = false) => insertPerson(db, role, name, { banned })
  const statusOf = async (id: number) => (await db.selectFrom('comment').select('status').where('id', '=', id).executeTakeFirst())?.status
  const revision = async () => {
    await insertRevision({ postId, title: 'P', body: 'an older b' }, db)
    return (await db.selectFrom('postRevision').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id
  }
  const comment = (status: CommentStatus, body = `a ${status} comment`, authorId?: string) =>
    insertComment({ postId, body, status, authorName: 'Guest', authorId }, db)

  const database = useTestDatabase(dialect)
  beforeEach(async () => {
    db = database()
    postId = await insertPost({ slug: 'p', title: 'P', body: 'b', status: 'published', publishedAt: new Date() }, db)
    for (const role of ['admin', 'editor', 'author', 'commenter'] as const) viewers[role] = await person(role, role)
    viewers.banned = await person('banned-editor', 'editor', true)
  })

  describe('who may do what', () => {
    const matrix: [string, (v: Viewer | null) => Promise<unknown>, (Role | 'banned' | 'anonymous')[]][] = [
      ['see the moderation queue', (v) => loadModerationQueue(v, {}, db), ['admin', 'editor']],
      ['moderate comments', async (v) => moderateComments(v, 'approve', [await comment('pending')], db), ['admin', 'editor']],
      ['open a comment in the admin', async (v) => loadCommentForModeration(v, await comment('pending'), db), ['admin', 'editor']],
      ['reply from the queue', async (v) => replyAsModerator(v, { commentId: await comment('approved'), body: `reply ${Math.random()}`, formToken: shownAMinuteAgo() }, new Date(), db), ['admin', 'editor']],
      ['edit a comment’s text', async (v) => editAsModerator(v, { commentId: await comment('approved'), body: 'edited' }, new Date(), db), ['admin', 'editor']],
      ['list people', (v) => loadPeople(v, 1, db), ['admin']],
      ['change roles', (v) => changeRole(v, viewers.commenter.id, 'author', db), ['admin']],
      ['ban people', (v) => setBan(v, viewers.commenter.id, true, db), ['admin']],
      ['read the audit log', (v) => loadAuditLog(v, 1, db), ['admin']],
      ['see the settings', (v) => loadSettingsForm(v, db), ['admin']],
      ['change the settings', (v) => saveSettings(v, { ...validForm, title: 'Changed' }, db), ['admin']],
      ['list posts', (v) => loadPostList(v, {}, db), ['admin', 'editor', 'author']],
      ['write a post', (v) => savePost(v, null, postForm({ title: `Post ${randomUUID()}` }), new Date(), db), ['admin', 'editor', 'author']],
      ['autosave a draft', (v) => autosavePost(v, null, postForm({ title: `Draft ${randomUUID()}` }), new Date(), db), ['admin', 'editor', 'author']],
      ['upload an image', (v) => uploadImage(v, { name: 'dot.png', bytes: ONE_PIXEL_PNG }, new Date(), db, databaseStorage(db)), ['admin', 'editor', 'author']],
      // Someone who may write posts but not this one is shown nothing (the page is a 404): a refusal too.
      ['see a post’s revisions', async (v) => (await loadRevisions(v, postId, {}, db)) ?? Promise.reject(new PermissionDenied('posts.edit-any')), ['admin', 'editor']],
      ['restore a revision', async (v) => restoreRevision(v, postId, await revision(), new Date(), db), ['admin', 'editor']],
      ['import a WordPress export', (v) => importUploadedExport(v, exportUpload(), db), ['admin']],
      ['read an import’s report', (v) => loadImportOutcome(v, 1, db), ['admin']],
    ]
    for (const [what, run, allowed] of matrix) {
      it(`only ${allowed.join(' and ')} may ${what}`, async () => {
        for (const who of ['anonymous', 'commenter', 'author', 'editor', 'admin', 'banned'] as const) {
          const attempt = run(who === 'anonymous' ? null : viewers[who])
          if (allowed.includes(who)) await expect(attempt, who).resolves.toBeDefined()
          else await expect(attempt, who).rejects.toBeInstanceOf(PermissionDenied)
        }
      })
    }

    it('a refused moderation changes nothing', async () => {
      const held = await comment('pending')
      await expect(moderateComments(viewers.commenter, 'approve', [held], db)).rejects.toBeInstanceOf(PermissionDenied)
      expect(await statusOf(held)).toBe('pending')
      expect((await loadAuditLog(viewers.admin, 1, db)).entries).toEqual([])
    })
  })

  describe('moderation', () => {
    it('counts each status and lists one of them newest first, filtered by post and text', async () => {
      const other = await insertPost({ slug: 'o', title: 'O', body: 'b', status: 'published', publishedAt: new Date() }, db)
      await comment('pending', 'older held')
      await comment('pending', 'newer held about CATS')
      await insertComment({ postId: other, body: 'held elsewhere', status: 'pending' }, db)
      await comment('spam')
      const queue = await loadModerationQueue(viewers.editor, { status: 'pending' }, db)
      expect(queue.counts).toEqual({ pending: 3, approved: 0, spam: 1, trash: 0 })
      expect(queue.comments.map((c) => c.body)).toEqual(['held elsewhere', 'newer held about CATS', 'older held'])
      expect((await loadModerationQueue(viewers.editor, { status: 'pending', post: String(other) }, db)).comments).toHaveLength(1)
      expect((await loadModerationQueue(viewers.editor, { status: 'pending', q: 'cats' }, db)).comments.map((c) => c.body)).toEqual([
        'newer held about CATS',
      ])
      expect(JSON.stringify(queue)).not.toContain('@example.com')
      // By author: an account's comments, or a guest's by the name they gave.
      await comment('pending', 'by the commenter', viewers.commenter.id)
      await insertComment({ postId, authorName: 'Guest Gail', body: 'by a guest', status: 'pending' }, db)
      const byKey = async (author: string) => (await loadModerationQueue(viewers.editor, { status: 'pending', author }, db)).comments.map((c) => c.body)
      expect(await byKey(viewers.commenter.id)).toEqual(['by the commenter'])
      expect(await byKey('Guest Gail')).toEqual(['by a guest'])
      expect((await loadModerationQueue(viewers.editor, { status: 'pending' }, db)).comments.find((c) => c.body === 'by a guest')?.authorKey).toBe('Guest Gail')
    })

    it('applies each action in bulk, reports which post pages changed and records it', async () => {
      const a = await comment('pending', 'a')
      const b = await comment('pending', 'b')
      const approved = await moderateComments(viewers.editor, 'approve', [a, b, a], db)
      expect(approved).toEqual({ ok: true, count: 2, changes: publicChanges({ posts: ['p'] }) })
      expect([await statusOf(a), await statusOf(b)]).toEqual(['approved', 'approved'])

      const steps: [string, CommentStatus | undefined][] = [
        ['unapprove', 'pending'],
        ['spam', 'spam'],
        ['not-spam', 'pending'],
        ['trash', 'trash'],
        ['restore', 'pending'],
        ['delete', undefined],
      ]
      for (const [action, expected] of steps) {
        expect(await moderateComments(viewers.editor, action, [a], db)).toMatchObject({ ok: true, count: 1 })
        expect(await statusOf(a), action).toBe(expected)
      }
      const log = await loadAuditLog(viewers.admin, 1, db)
      expect(log.entries).toHaveLength(8)
      expect(log.entries[0]).toMatchObject({ actorName: 'editor', action: 'comment.delete', subject: `comment:${a}`, detail: { from: 'pending', to: 'deleted' } })
    })

    it('refuses an unknown action or an empty selection', async () => {
      expect(await moderateComments(viewers.editor, 'explode', [await comment('pending')], db)).toEqual({ ok: false, message: 'Choose what to do with the selected comments.' })
      expect(await moderateComments(viewers.editor, 'approve', [], db)).toEqual({ ok: false, message: 'Select at least one comment.' })
      expect(await moderateComments(viewers.editor, 'approve', ['x'], db)).toMatchObject({ ok: false })
    })

    it('only reports post pages whose approved comments changed', async () => {
      const held = await comment('pending')
      expect(await moderateComments(viewers.editor, 'spam', [held], db)).toMatchObject({ changes: publicChanges({}) })
    })
  })

  describe('a comment’s own page', () => {
    it('shows the whole comment, rendered, and nothing for an unknown one', async () => {
      const id = await comment('pending', 'Some *emphasis* here.')
      expect(await loadCommentForModeration(viewers.editor, String(id), db)).toMatchObject({ id, status: 'pending', postTitle: 'P', authorName: 'Guest' })
      expect((await loadCommentForModeration(viewers.editor, id, db))?.html).toContain('<em>emphasis</em>')
      expect(await loadCommentForModeration(viewers.editor, 999_999, db)).toBeNull()
      expect(await loadCommentForModeration(viewers.editor, 'x', db)).toBeNull()
    })

    it('replies as the editor, approved at once, approving a held comment with it, and records both', async () => {
      const held = await comment('pending', 'Is anyone there?')
      const result = await replyAsModerator(viewers.editor, { commentId: held, body: 'Yes, we are.', formToken: shownAMinuteAgo() }, new Date(), db)
      expect(result).toMatchObject({ ok: true, postSlug: 'p', changes: publicChanges({ posts: ['p'] }) })
      const reply = await db.selectFrom('comment').selectAll().where('id', '=', result.ok ? result.id : -1).executeTakeFirstOrThrow()
      expect(reply).toMatchObject({ parentId: held, authorId: viewers.editor.id, status: 'approved', body: 'Yes, we are.' })
      expect(await statusOf(held)).toBe('approved')
      // A second reply straight after is not held back by the flood rule.
      expect(await replyAsModerator(viewers.editor, { commentId: held, body: 'And again.', formToken: shownAMinuteAgo() }, new Date(), db)).toMatchObject({ ok: true })
      const actions = (await loadAuditLog(viewers.admin, 1, db)).entries.map((e) => e.action)
      expect(actions.sort()).toEqual(['comment.approve', 'comment.reply', 'comment.reply'])
    })

    it('a refused reply keeps the held comment held and records nothing', async () => {
      const held = await comment('pending')
      expect(await replyAsModerator(viewers.editor, { commentId: held, body: '   ', formToken: shownAMinuteAgo() }, new Date(), db)).toMatchObject({ ok: false, field: 'body' })
      await db.updateTable('post').set({ commentsOpen: false }).where('id', '=', postId).execute()
      expect(await replyAsModerator(viewers.editor, { commentId: held, body: 'Closed?', formToken: shownAMinuteAgo() }, new Date(), db)).toEqual({ ok: false, message: 'Comments are closed on this post.' })
      expect(await statusOf(held)).toBe('pending')
      expect(await db.selectFrom('comment').select('id').where('parentId', '=', held).execute()).toEqual([])
      expect((await loadAuditLog(viewers.admin, 1, db)).entries).toEqual([])
    })

    it('edits any comment’s text at any time, keeping the old text in the audit log', async () => {
      const id = await comment('approved', 'Teh original.')
      expect(await editAsModerator(viewers.admin, { commentId: id, body: 'The original.' }, new Date(Date.now() + 86_400_000), db)).toMatchObject({ ok: true, changes: publicChanges({ posts: ['p'] }) })
      expect((await db.selectFrom('comment').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body).toBe('The original.')
      expect((await loadAuditLog(viewers.admin, 1, db)).entries[0]).toMatchObject({ action: 'comment.edit', detail: { before: 'Teh original.' } })
      expect(await editAsModerator(viewers.admin, { commentId: id, body: '' }, new Date(), db)).toMatchObject({ ok: false, field: 'body' })
    })
  })

  describe('people', () => {
    it('the command line changes roles with the same last-admin guard, and is audited', async () => {
      const only = await person('solo', 'admin')
      await db.updateTable('User').set({ role: 'commenter' }).where('id', '!=', only.id).where('role', '=', 'admin').execute()
      expect(await changeRoleByEmail('command-line', 'SOLO@example.com', 'editor', db)).toEqual({ ok: false, message: 'The blog needs at least one admin: make someone else an admin first.' })
      expect(await changeRoleByEmail('command-line', 'nobody@example.com', 'editor', db)).toMatchObject({ ok: false, message: expect.stringContaining('No one has signed in with nobody@example.com') })
      expect(await changeRoleByEmail('command-line', 'solo@example.com', 'nonsense', db)).toMatchObject({ ok: false })
      const ed = await person('edwina', 'commenter')
      expect(await changeRoleByEmail('command-line', 'edwina@example.com', 'editor', db)).toEqual({ ok: true, message: 'edwina@example.com is now an editor.' })
      expect((await db.selectFrom('User').select('role').where('id', '=', ed.id).executeTakeFirstOrThrow()).role).toBe('editor')
      const entry = (await loadAuditLog(only, 1, db)).entries.find((e) => e.action === 'user.role')
      expect(entry).toMatchObject({ actorName: null, subject: `user:${ed.id}`, detail: { from: 'commenter', to: 'editor', via: 'command line' } })
    })

    it('bans: sessions end at once, held comments go to spam, no more comments; and lift the ban', async () => {
      const carol = await person('carol', 'commenter')
      await db.insertInto('Session').values({ id: randomUUID(), userId: carol.id, sessionToken: 's1', expires: new Date(Date.now() + 86_400_000) }).execute()
      const held = await comment('pending', 'held words', carol.id)
      const kept = await comment('approved', 'approved words', carol.id)

      expect(await setBan(viewers.admin, carol.id, true, db)).toEqual({ ok: true, message: 'carol is banned and signed out everywhere.' })
      expect(await db.selectFrom('Session').select('id').where('userId', '=', carol.id).execute()).toEqual([])
      expect([await statusOf(held), await statusOf(kept)]).toEqual(['spam', 'approved'])
      const banned = { ...carol, banned: true }
      const attempt = await postComment(banned, { postId, body: 'let me in', formToken: issueFormToken(new Date(Date.now() - 60_000)) }, { ip: '::1' }, db)
      expect(attempt).toMatchObject({ ok: false, message: /can no longer comment/ })

      expect(await setBan(viewers.admin, carol.id, false, db)).toMatchObject({ ok: true })
      expect((await loadPeople(viewers.admin, 1, db)).people.find((p) => p.id === carol.id)).toMatchObject({ bannedAt: null, commentCount: 2 })
      expect(await setBan(viewers.admin, viewers.admin.id, true, db)).toEqual({ ok: false, message: 'You cannot ban yourself.' })
    })

    it('change roles, but never take away the last admin', async () => {
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'editor', db)).toEqual({ ok: true, message: 'commenter is now an editor.' })
      expect(await changeRole(viewers.admin, viewers.admin.id, 'editor', db)).toMatchObject({ ok: false, message: /at least one admin/ })
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'emperor', db)).toMatchObject({ ok: false })
      await changeRole(viewers.admin, viewers.editor.id, 'admin', db)
      expect(await changeRole(viewers.admin, viewers.admin.id, 'editor', db)).toMatchObject({ ok: true })
      const log = await loadAuditLog(viewers.editor.role === 'editor' ? { ...viewers.editor, role: 'admin' } : viewers.admin, 1, db)
      expect(log.entries.map((e) => e.action)).toEqual(['user.role', 'user.role', 'user.role'])
    })
  })

  describe('settings', () => {
    it('save valid settings at once, and record what changed', async () => {
      const result = await saveSettings(viewers.admin, { ...validForm, title: 'Field notes', moderationWords: ' casino \n\nloans\ncasino', holdFirstComment: undefined }, db)
      expect(result).toEqual({ ok: true, changed: ['title', 'holdFirstComment', 'moderationWords'], changes: publicChanges({ settings: true }) })
      expect(await getSiteSettings(db)).toMatchObject({ title: 'Field notes', holdFirstComment: false, moderationWords: ['casino', 'loans'] })
      const log = await loadAuditLog(viewers.admin, 1, db)
      expect(log.entries.map((e) => e.subject).sort()).toEqual(['setting:holdFirstComment', 'setting:moderationWords', 'setting:title'])
    })

    it('take the header’s links one per line, and say which line is wrong', async () => {
      expect(await saveSettings(viewers.admin, { ...validForm, navigation: 'About | /pages/about\nno address here' }, db)).toEqual({
        ok: false,
        fieldErrors: { navigation: 'Line 2: write a label, a bar and an address, e.g. “About | /pages/about”.' },
      })
      expect(await saveSettings(viewers.admin, { ...validForm, navigation: 'About | /pages/about\n\nShop | https://shop.example/' }, db)).toMatchObject({ ok: true, changed: expect.arrayContaining(['navigation']) })
      expect((await getSiteSettings(db)).navigation).toEqual([
        { label: 'About', href: '/pages/about' },
        { label: 'Shop', href: 'https://shop.example/' },
      ])
    })

    it('refuse bad values field by field and save nothing', async () => {
      const result = await saveSettings(viewers.admin, { ...validForm, title: '  ', postsPerPage: '0', commentDepth: 'deep', editMinutes: '2.5', uploadMaxMegabytes: '500' }, db)
      expect(result).toEqual({
        ok: false,
        fieldErrors: {
          title: 'The blog needs a title.',
          postsPerPage: 'Posts per page must be at least 1.',
          commentDepth: 'Threading depth must be a whole number.',
          editMinutes: 'The edit window must be a whole number.',
          uploadMaxMegabytes: 'The upload limit must be at most 100.',
        },
      })
      expect(await getSiteSettings(db)).toMatchObject({ title: 'Plateau', postsPerPage: 10 })
      expect((await loadAuditLog(viewers.admin, 1, db)).entries).toEqual([])
    })
  })
})
