'use server'

import { redirect } from 'next/navigation'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { backTo, runButton, runForm } from '@/lib/form-actions'
import { formFailure, type FormState } from '@/lib/forms'
import { changePostLifecycle, savePost } from '@/lib/posts/editing'
import { restoreRevision } from '@/lib/posts/revisions'
import { parseId } from '@/lib/params'

/** The editor's own address: the post's, or a new post's or page's. */
const editorPage = (values: Record<string, string>) => {
  const id = parseId(values.postId)
  return id ? `/admin/posts/${id}` : values.kind === 'page' ? '/admin/posts/new?kind=page' : '/admin/posts/new'
}

/** Saves, publishes, schedules or unpublishes from the post editor. */
export async function savePostAction(prev: FormState, fd: FormData): Promise<FormState> {
  return runForm(
    prev,
    fd,
    async (values) => {
      const id = parseId(values.postId)
      const result = await savePost(await getCurrentUser(), id, values)
      if (!result.ok) {
        if (result.kind === 'invalid') return formFailure(prev, { message: 'Nothing was saved: fix the fields marked below.', fieldErrors: result.fieldErrors, values })
        if (result.kind === 'gone') return formFailure(prev, { message: 'This post was deleted while you were editing it. Copy your text before leaving.', values })
        return formFailure(prev, {
          message: 'Someone else saved this post after you opened it. Nothing was overwritten: compare the two versions below, then save again to keep yours.',
          values: { ...values, version: result.theirs.updatedAt },
          theirs: result.theirs,
        })
      }
      // A newly scheduled post: listings learn when to look again (see HomeView.freshFor).
      expireFromAction(result.changes)
      redirect(`/admin/posts/${result.id}?saved=${values.intent}`)
    },
    { refused: 'You cannot edit this post.', page: editorPage },
  )
}

/** Trash, restore or delete permanently, from the posts list or the editor. */
export async function postLifecycleAction(fd: FormData): Promise<void> {
  const id = Number(fd.get('postId'))
  const action = String(fd.get('action'))
  if (action !== 'trash' && action !== 'restore' && action !== 'delete') redirect('/admin/posts')
  const result = await runButton('/admin/posts', async () => changePostLifecycle(await getCurrentUser(), id, action), 'You cannot change this post.')
  if (!result.ok) backTo('/admin/posts', 'error', result.message)
  expireFromAction(result.changes)
  const done = { trash: 'Moved to the trash.', restore: 'Restored as a draft.', delete: 'Deleted for good.' }[action]
  backTo(`/admin/posts?status=${action === 'restore' ? 'draft' : 'trash'}`, 'notice', done)
}

/** Puts a revision's text back into its post, from the revisions page. */
export async function restoreRevisionAction(fd: FormData): Promise<void> {
  const postId = Number(fd.get('postId'))
  const page = `/admin/posts/${postId}/revisions`
  const result = await runButton(page, async () => restoreRevision(await getCurrentUser(), postId, Number(fd.get('revisionId'))), 'You cannot change this post.')
  if (!result.ok) backTo(page, 'error', result.message)
  expireFromAction(result.changes)
  backTo(page, 'notice', 'Restored: the post has that revision’s title, excerpt and body again.')
}
