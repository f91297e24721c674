import { describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { testDialects } from '@/db/test-databases'
import type { CommentStatus } from '@/db/types'
import { issueFormToken } from '@/lib/comments/form-token'
import { loadAuditLog } from '@/lib/admin/audit'
import {
  editAsModerator,
  loadCommentForModeration,
  loadModerationQueue,
  moderateComments,
  replyAsModerator,
} from '@/lib/comments/moderation'
import { publicChanges } from '@/lib/changes'
import { useAdminBlog } from '@/lib/testing/admin-blog'

// The moderation queue and a comment's own page in the admin.

const shownAMinuteAgo = () => issueFormToken(new Date(Date.now() - 60_000))

describe.each(await testDialects())('moderation on $name', (dialect) => {
  const blog = useAdminBlog(dialect)
  const { viewers, statusOf, comment } = blog
  describe('moderation', () => {
    it('counts each status and lists one of them newest first, filtered by post and text', async () => {
      const other = await insertPost(blog.db, {
        slug: 'o',
        title: 'O',
        body: 'b',
        status: 'published',
        publishedAt: new Date(),
      })
      await comment('pending', 'older held')
      await comment('pending', 'newer held about CATS')
      await insertComment(blog.db, { postId: other, body: 'held elsewhere', status: 'pending' })
      await comment('spam')
      const queue = await loadModerationQueue(viewers.editor, { status: 'pending' }, blog.db)
      expect(queue.counts).toEqual({ pending: 3, approved: 0, spam: 1, trash: 0 })
      expect(queue.comments.map((c) => c.body)).toEqual(['held elsewhere', 'newer held about CATS', 'older held'])
      expect(
        (await loadModerationQueue(viewers.editor, { status: 'pending', post: String(other) }, blog.db)).comments,
      ).toHaveLength(1)
      expect(
        (await loadModerationQueue(viewers.editor, { status: 'pending', q: 'cats' }, blog.db)).comments.map(
          (c) => c.body,
        ),
      ).toEqual(['newer held about CATS'])
      expect(JSON.stringify(queue)).not.toContain('@example.com')
      // By author: an account's comments, or a guest's by the name they gave.
      await comment('pending', 'by the commenter', viewers.commenter.id)
      await insertComment(blog.db, {
        postId: blog.postId,
        authorName: 'Guest Gail',
        body: 'by a guest',
        status: 'pending',
      })
      const byKey = async (author: string) =>
        (await loadModerationQueue(viewers.editor, { status: 'pending', author }, blog.db)).comments.map((c) => c.body)
      expect(await byKey(viewers.commenter.id)).toEqual(['by the commenter'])
      expect(await byKey('Guest Gail')).toEqual(['by a guest'])
      expect(
        (await loadModerationQueue(viewers.editor, { status: 'pending' }, blog.db)).comments.find(
          (c) => c.body === 'by a guest',
        )?.authorKey,
      ).toBe('Guest Gail')
    })

    it('applies each action in bulk, reports which post pages changed and records it', async () => {
      const a = await comment('pending', 'a')
      const b = await comment('pending', 'b')
      const approved = await moderateComments(viewers.editor, 'approve', [a, b, a], blog.db)
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
        expect(await moderateComments(viewers.editor, action, [a], blog.db)).toMatchObject({ ok: true, count: 1 })
        expect(await statusOf(a), action).toBe(expected)
      }
      const log = await loadAuditLog(viewers.admin, 1, blog.db)
      expect(log.entries).toHaveLength(8)
      expect(log.entries[0]).toMatchObject({
        actorName: 'editor',
        action: 'comment.delete',
        subject: `comment:${a}`,
        detail: { from: 'pending', to: 'deleted' },
      })
    })

    it('refuses an unknown action or an empty selection', async () => {
      expect(await moderateComments(viewers.editor, 'explode', [await comment('pending')], blog.db)).toEqual({
        ok: false,
        message: 'Choose what to do with the selected comments.',
      })
      expect(await moderateComments(viewers.editor, 'approve', [], blog.db)).toEqual({
        ok: false,
        message: 'Select at least one comment.',
      })
      expect(await moderateComments(viewers.editor, 'approve', ['x'], blog.db)).toMatchObject({ ok: false })
    })

    it('only reports post pages whose approved comments changed', async () => {
      const held = await comment('pending')
      expect(await moderateComments(viewers.editor, 'spam', [held], blog.db)).toMatchObject({
        changes: publicChanges({}),
      })
    })
  })

  describe('a comment’s own page', () => {
    it('shows the whole comment, rendered, and nothing for an unknown one', async () => {
      const id = await comment('pending', 'Some *emphasis* here.')
      expect(await loadCommentForModeration(viewers.editor, String(id), blog.db)).toMatchObject({
        id,
        status: 'pending',
        postTitle: 'P',
        authorName: 'Guest',
      })
      expect((await loadCommentForModeration(viewers.editor, id, blog.db))?.html).toContain('<em>emphasis</em>')
      expect(await loadCommentForModeration(viewers.editor, 999_999, blog.db)).toBeNull()
      expect(await loadCommentForModeration(viewers.editor, 'x', blog.db)).toBeNull()
    })

    it('replies as the editor, approved at once, approving a held comment with it, and records both', async () => {
      const held = await comment('pending', 'Is anyone there?')
      const result = await replyAsModerator(
        viewers.editor,
        { commentId: held, body: 'Yes, we are.', formToken: shownAMinuteAgo() },
        new Date(),
        blog.db,
      )
      expect(result).toMatchObject({ ok: true, postSlug: 'p', changes: publicChanges({ posts: ['p'] }) })
      const reply = await blog.db
        .selectFrom('comment')
        .selectAll()
        .where('id', '=', result.ok ? result.id : -1)
        .executeTakeFirstOrThrow()
      expect(reply).toMatchObject({
        parentId: held,
        authorId: viewers.editor.id,
        status: 'approved',
        body: 'Yes, we are.',
      })
      expect(await statusOf(held)).toBe('approved')
      // A second reply straight after is not held back by the flood rule.
      expect(
        await replyAsModerator(
          viewers.editor,
          { commentId: held, body: 'And again.', formToken: shownAMinuteAgo() },
          new Date(),
          blog.db,
        ),
      ).toMatchObject({ ok: true })
      const actions = (await loadAuditLog(viewers.admin, 1, blog.db)).entries.map((e) => e.action)
      expect(actions.sort()).toEqual(['comment.approve', 'comment.reply', 'comment.reply'])
    })

    it('a refused reply keeps the held comment held and records nothing', async () => {
      const held = await comment('pending')
      expect(
        await replyAsModerator(
          viewers.editor,
          { commentId: held, body: '   ', formToken: shownAMinuteAgo() },
          new Date(),
          blog.db,
        ),
      ).toMatchObject({ ok: false, field: 'body' })
      await blog.db.updateTable('post').set({ commentsOpen: false }).where('id', '=', blog.postId).execute()
      expect(
        await replyAsModerator(
          viewers.editor,
          { commentId: held, body: 'Closed?', formToken: shownAMinuteAgo() },
          new Date(),
          blog.db,
        ),
      ).toEqual({ ok: false, message: 'Comments are closed on this post.' })
      expect(await statusOf(held)).toBe('pending')
      expect(await blog.db.selectFrom('comment').select('id').where('parentId', '=', held).execute()).toEqual([])
      expect((await loadAuditLog(viewers.admin, 1, blog.db)).entries).toEqual([])
    })

    it('edits any comment’s text at any time, keeping the old text in the audit log', async () => {
      const id = await comment('approved', 'Teh original.')
      expect(
        await editAsModerator(
          viewers.admin,
          { commentId: id, body: 'The original.' },
          new Date(Date.now() + 86_400_000),
          blog.db,
        ),
      ).toMatchObject({ ok: true, changes: publicChanges({ posts: ['p'] }) })
      expect(
        (await blog.db.selectFrom('comment').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body,
      ).toBe('The original.')
      expect((await loadAuditLog(viewers.admin, 1, blog.db)).entries[0]).toMatchObject({
        action: 'comment.edit',
        detail: { before: 'Teh original.' },
      })
      expect(await editAsModerator(viewers.admin, { commentId: id, body: '' }, new Date(), blog.db)).toMatchObject({
        ok: false,
        field: 'body',
      })
    })
  })
})
