'use server'

import { redirect } from 'next/navigation'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { backTo, runButton, runForm } from '@/lib/form-actions'
import { formFailure, type FormState } from '@/lib/forms'
import { changePostLifecycle, savePost } from '@/lib/posts/editing'
import { restoreRevision } from '@/lib/posts/revisions'
import { parseId } from '@/lib/params'
import { siteTranslator } from '@/lib/i18n'

/** The editor's own address: the post's, or a new post's or page's. */
const editorPage = (values: Record<string, string>) => {
  const id = parseId(values.postId)
  return id ? `/admin/posts/${id}` : values.kind === 'page' ? '/admin/posts/new?kind=page' : '/admin/posts/new'
}

/** Saves, publishes, schedules or unpublishes from the post editor. */
export async function savePostAction(prev: FormState, fd: FormData): Promise<FormState> {
  const t = await siteTranslator('errors.posts')
  return runForm(
    prev,
    fd,
    async (values) => {
      const id = parseId(values.postId)
      const result = await savePost(await getCurrentUser(), id, values)
      if (!result.ok) {
        if (result.kind === 'invalid') return formFailure(prev, { message: t('fixFields'), fieldErrors: result.fieldErrors, values })
        if (result.kind === 'gone') return formFailure(prev, { message: t('goneWhileEditing'), values })
        return formFailure(prev, {
          message: t('savedMeanwhile'),
          values: { ...values, version: result.theirs.updatedAt },
          theirs: result.theirs,
        })
      }
      // A newly scheduled post: listings learn when to look again (see HomeView.freshFor).
      expireFromAction(result.changes)
      redirect(`/admin/posts/${result.id}?saved=${values.intent}`)
    },
    { refused: t('cannotEdit'), page: editorPage },
  )
}

/** Trash, restore or delete permanently, from the posts list or the editor. */
export async function postLifecycleAction(fd: FormData): Promise<void> {
  const id = Number(fd.get('postId'))
  const action = String(fd.get('action'))
  if (action !== 'trash' && action !== 'restore' && action !== 'delete') redirect('/admin/posts')
  const t = await siteTranslator('errors.posts')
  const result = await runButton('/admin/posts', async () => changePostLifecycle(await getCurrentUser(), id, action), t('cannotChange'))
  if (!result.ok) backTo('/admin/posts', 'error', result.message)
  expireFromAction(result.changes)
  const done = (await siteTranslator('admin.posts.notices'))(({ trash: 'trashed', restore: 'restored', delete: 'deletedForGood' } as const)[action])
  backTo(`/admin/posts?status=${action === 'restore' ? 'draft' : 'trash'}`, 'notice', done)
}

/** Puts a revision's text back into its post, from the revisions page. */
export async function restoreRevisionAction(fd: FormData): Promise<void> {
  const postId = Number(fd.get('postId'))
  const page = `/admin/posts/${postId}/revisions`
  const result = await runButton(page, async () => restoreRevision(await getCurrentUser(), postId, Number(fd.get('revisionId'))), (await siteTranslator('errors.posts'))('cannotChange'))
  if (!result.ok) backTo(page, 'error', result.message)
  expireFromAction(result.changes)
  backTo(page, 'notice', (await siteTranslator('admin.posts.notices'))('revisionRestored'))
}
