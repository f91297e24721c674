import { loadMentionQueue, moderateMentions } from '@/lib/mentions/moderation'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testDialects } from '@/db/test-databases'
import type { Role } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { issueFormToken } from '@/lib/comments/form-token'
import { loadAuditLog } from './audit'
import {
  editAsModerator,
  loadCommentForModeration,
  loadModerationQueue,
  moderateComments,
  replyAsModerator,
} from '@/lib/comments/moderation'
import { changeRole, loadPeople, setBan } from './people'
import { loadSettingsForm, saveSettings } from './settings'
import { autosavePost, loadPostList, savePost } from '@/lib/posts/editing'
import { loadRevisions, restoreRevision } from '@/lib/posts/revisions'
import { postForm } from '@/lib/testing/post-form'
import { uploadImage } from '@/lib/uploads/images'
import { databaseStorage } from '@/lib/uploads/storage'
import { receiveUploadedExport, loadUploadRefusal } from '@/lib/imports/upload'
import { loadImportJob } from '@/lib/imports/jobs'
import { useAdminBlog, validSettingsForm } from '@/lib/testing/admin-blog'

// Every admin capability, tried by every kind of person: only those allowed get through.

const ONE_PIXEL_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
)

const exportUpload = () => {
  const form = new FormData()
  form.set('file', new File([], ''))
  return new Request('http://localhost/admin/import/upload', { method: 'POST', body: form })
}

const shownAMinuteAgo = () => issueFormToken(new Date(Date.now() - 60_000))

describe.each(await testDialects())('who may do what in the admin on $name', (dialect) => {
  const blog = useAdminBlog(dialect)
  const { viewers, statusOf, comment, revision } = blog
  describe('who may do what', () => {
    const matrix: [string, (v: Viewer | null) => Promise<unknown>, (Role | 'banned' | 'anonymous')[]][] = [
      ['see the moderation queue', (v) => loadModerationQueue(v, {}, blog.db), ['admin', 'editor']],
      [
        'moderate comments',
        async (v) => moderateComments(v, 'approve', [await comment('pending')], blog.db),
        ['admin', 'editor'],
      ],
      [
        'open a comment in the admin',
        async (v) => loadCommentForModeration(v, await comment('pending'), blog.db),
        ['admin', 'editor'],
      ],
      [
        'reply from the queue',
        async (v) =>
          replyAsModerator(
            v,
            { commentId: await comment('approved'), body: `reply ${Math.random()}`, formToken: shownAMinuteAgo() },
            new Date(),
            blog.db,
          ),
        ['admin', 'editor'],
      ],
      [
        'edit a comment’s text',
        async (v) => editAsModerator(v, { commentId: await comment('approved'), body: 'edited' }, new Date(), blog.db),
        ['admin', 'editor'],
      ],
      ['list mentions', (v) => loadMentionQueue(v, {}, blog.db), ['admin', 'editor']],
      ['moderate a mention', (v) => moderateMentions(v, 'spam', [1], blog.db), ['admin', 'editor']],
      ['list people', (v) => loadPeople(v, 1, blog.db), ['admin']],
      ['change roles', (v) => changeRole(v, viewers.commenter.id, 'author', blog.db), ['admin']],
      ['ban people', (v) => setBan(v, viewers.commenter.id, true, blog.db), ['admin']],
      ['read the audit log', (v) => loadAuditLog(v, 1, blog.db), ['admin']],
      ['see the settings', (v) => loadSettingsForm(v, blog.db), ['admin']],
      ['change the settings', (v) => saveSettings(v, { ...validSettingsForm, title: 'Changed' }, blog.db), ['admin']],
      ['list posts', (v) => loadPostList(v, {}, blog.db), ['admin', 'editor', 'author']],
      [
        'write a post',
        (v) => savePost(v, null, postForm({ title: `Post ${randomUUID()}` }), new Date(), blog.db),
        ['admin', 'editor', 'author'],
      ],
      [
        'autosave a draft',
        (v) => autosavePost(v, null, postForm({ title: `Draft ${randomUUID()}` }), new Date(), blog.db),
        ['admin', 'editor', 'author'],
      ],
      [
        'upload an image',
        (v) => uploadImage(v, { name: 'dot.png', bytes: ONE_PIXEL_PNG }, new Date(), blog.db, databaseStorage(blog.db)),
        ['admin', 'editor', 'author'],
      ],
      // Someone who may write posts but not this one is shown nothing (the page is a 404): a refusal too.
      [
        'see a post’s revisions',
        async (v) =>
          (await loadRevisions(v, blog.postId, {}, blog.db)) ?? Promise.reject(new PermissionDenied('posts.edit-any')),
        ['admin', 'editor'],
      ],
      [
        'restore a revision',
        async (v) => restoreRevision(v, blog.postId, await revision(), new Date(), blog.db),
        ['admin', 'editor'],
      ],
      ['import a WordPress or Disqus export', (v) => receiveUploadedExport(v, exportUpload(), blog.db), ['admin']],
      ['read why an upload was refused', (v) => loadUploadRefusal(v, 1, blog.db), ['admin']],
      ['watch an import and read its report', (v) => loadImportJob(v, 1, blog.db), ['admin']],
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
      await expect(moderateComments(viewers.commenter, 'approve', [held], blog.db)).rejects.toBeInstanceOf(
        PermissionDenied,
      )
      expect(await statusOf(held)).toBe('pending')
      expect((await loadAuditLog(viewers.admin, 1, blog.db)).entries).toEqual([])
    })
  })
})
