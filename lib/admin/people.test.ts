import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testDialects } from '@/db/test-databases'
import { issueFormToken } from '@/lib/comments/form-token'
import { postComment } from '@/lib/comments/posting'
import { writeSetting } from '@/db/queries/settings'
import { loadAuditLog } from './audit'
import { moderateComments } from '@/lib/comments/moderation'
import { changeRole, changeRoleByEmail, loadPeople, setBan } from './people'
import { useAdminBlog } from '@/lib/testing/admin-blog'

// Roles and bans, from the admin and the command line.

describe.each(await testDialects())('people on $name', (dialect) => {
  const blog = useAdminBlog(dialect)
  const { viewers, person, statusOf, comment } = blog
  describe('people', () => {
    it('the command line changes roles with the same last-admin guard, and is audited', async () => {
      const only = await person('solo', 'admin')
      await blog.db
        .updateTable('User')
        .set({ role: 'commenter' })
        .where('id', '!=', only.id)
        .where('role', '=', 'admin')
        .execute()
      expect(await changeRoleByEmail('command-line', 'SOLO@example.com', 'editor', blog.db)).toEqual({
        ok: false,
        message: 'The blog needs at least one admin: make someone else an admin first.',
      })
      expect(await changeRoleByEmail('command-line', 'nobody@example.com', 'editor', blog.db)).toMatchObject({
        ok: false,
        message: expect.stringContaining('No one has signed in with nobody@example.com'),
      })
      expect(await changeRoleByEmail('command-line', 'solo@example.com', 'nonsense', blog.db)).toMatchObject({
        ok: false,
      })
      const ed = await person('edwina', 'commenter')
      expect(await changeRoleByEmail('command-line', 'edwina@example.com', 'editor', blog.db)).toEqual({
        ok: true,
        message: 'edwina@example.com is now an editor.',
      })
      expect(
        (await blog.db.selectFrom('User').select('role').where('id', '=', ed.id).executeTakeFirstOrThrow()).role,
      ).toBe('editor')
      const entry = (await loadAuditLog(only, 1, blog.db)).entries.find((e) => e.action === 'user.role')
      expect(entry).toMatchObject({
        actorName: null,
        subject: `user:${ed.id}`,
        detail: { from: 'commenter', to: 'editor', via: 'command line' },
      })
    })

    it('bans: sessions end at once, held comments go to spam, no more comments; and lift the ban', async () => {
      const carol = await person('carol', 'commenter')
      await blog.db
        .insertInto('Session')
        .values({ id: randomUUID(), userId: carol.id, sessionToken: 's1', expires: new Date(Date.now() + 86_400_000) })
        .execute()
      const held = await comment('pending', 'held words', carol.id)
      const kept = await comment('approved', 'approved words', carol.id)

      expect(await setBan(viewers.admin, carol.id, true, blog.db)).toEqual({
        ok: true,
        message: 'carol is banned and signed out everywhere.',
      })
      expect(await blog.db.selectFrom('Session').select('id').where('userId', '=', carol.id).execute()).toEqual([])
      expect([await statusOf(held), await statusOf(kept)]).toEqual(['spam', 'approved'])
      const banned = { ...carol, banned: true }
      const attempt = await postComment(
        banned,
        { postId: blog.postId, body: 'let me in', formToken: issueFormToken(new Date(Date.now() - 60_000)) },
        { ip: '::1' },
        blog.db,
      )
      expect(attempt).toMatchObject({ ok: false, message: /can no longer comment/ })

      expect(await setBan(viewers.admin, carol.id, false, blog.db)).toMatchObject({ ok: true })
      expect((await loadPeople(viewers.admin, 1, blog.db)).people.find((p) => p.id === carol.id)).toMatchObject({
        bannedAt: null,
        commentCount: 2,
      })
      expect(await setBan(viewers.admin, viewers.admin.id, true, blog.db)).toEqual({
        ok: false,
        message: 'You cannot ban yourself.',
      })
    })

    it('change roles, but never take away the last admin', async () => {
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'editor', blog.db)).toEqual({
        ok: true,
        message: 'commenter is now an editor.',
      })
      expect(await changeRole(viewers.admin, viewers.admin.id, 'editor', blog.db)).toMatchObject({
        ok: false,
        message: /at least one admin/,
      })
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'emperor', blog.db)).toMatchObject({ ok: false })
      await changeRole(viewers.admin, viewers.editor.id, 'admin', blog.db)
      expect(await changeRole(viewers.admin, viewers.admin.id, 'editor', blog.db)).toMatchObject({ ok: true })
      const log = await loadAuditLog(
        viewers.editor.role === 'editor' ? { ...viewers.editor, role: 'admin' } : viewers.admin,
        1,
        blog.db,
      )
      expect(log.entries.map((e) => e.action)).toEqual(['user.role', 'user.role', 'user.role'])
    })

    it('answer in the site’s language, as the moderation does', async () => {
      await writeSetting(blog.db, 'language', 'de')
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'editor', blog.db)).toEqual({
        ok: true,
        message: 'commenter hat jetzt die Rolle Redakteur.',
      })
      expect(await setBan(viewers.admin, viewers.admin.id, true, blog.db)).toEqual({
        ok: false,
        message: 'Du kannst dich nicht selbst sperren.',
      })
      expect(await moderateComments(viewers.editor, 'approve', [], blog.db)).toEqual({
        ok: false,
        message: 'Wähle mindestens einen Kommentar aus.',
      })
      await writeSetting(blog.db, 'language', 'ar')
      expect(await changeRole(viewers.admin, viewers.commenter.id, 'emperor', blog.db)).toEqual({
        ok: false,
        message: 'اختر أحد الأدوار: مدير أو محرر أو كاتب أو معلّق.',
      })
      expect(await moderateComments(viewers.editor, 'explode', [1], blog.db)).toEqual({
        ok: false,
        message: 'اختر ما تريد فعله بالتعليقات المحددة.',
      })
    })
  })
})
