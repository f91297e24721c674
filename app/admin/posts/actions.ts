'use server'

import { redirect } from 'next/navigation'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/cache/expire'
import { changePostLifecycle, savePost, type PostFormField } from '@/lib/posts/editing'
import { restoreRevision } from '@/lib/posts/revisions'

export type PostFormState =
  | { status: 'idle' }
  | {
      status: 'invalid' | 'conflict' | 'refused'
      message: string
      fieldErrors: Partial<Record<PostFormField, string>>
      values: Record<string, string>
      theirs?: { title: string; body: string; updatedAt: string }
      attempt: number
    }

/** Saves, publishes, schedules or unpublishes from the post editor. */
export async function savePostAction(prev: PostFormState, fd: FormData): Promise<PostFormState> {
  const values = Object.fromEntries([...fd.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]))
  const id = /^\d+$/.test(values.postId ?? '') ? Number(values.postId) : null
  const attempt = prev.status === 'idle' ? 1 : prev.attempt + 1
  let result
  try {
    result = await savePost(await getCurrentUser(), id, values)
  } catch (error) {
    if (error instanceof PermissionDenied) return { status: 'refused', message: 'You cannot edit this post.', fieldErrors: {}, values, attempt }
    throw error
  }
  if (!result.ok) {
    if (result.kind === 'invalid') return { status: 'invalid', message: 'Nothing was saved: fix the fields marked below.', fieldErrors: result.fieldErrors, values, attempt }
    if (result.kind === 'gone') return { status: 'refused', message: 'This post was deleted while you were editing it. Copy your text before leaving.', fieldErrors: {}, values, attempt }
    return {
      status: 'conflict',
      message: 'Someone else saved this post after you opened it. Nothing was overwritten: compare the two versions below, then save again to keep yours.',
      fieldErrors: {},
      values: { ...values, version: result.theirs.updatedAt },
      theirs: result.theirs,
      attempt,
    }
  }
  // A newly scheduled post: listings learn when to look again (see HomeView.freshFor).
  expireFromAction(result.changes)
  redirect(`/admin/posts/${result.id}?saved=${values.intent}`)
}

/** Trash, restore or delete permanently, from the posts list or the editor. */
export async function postLifecycleAction(fd: FormData): Promise<void> {
  const id = Number(fd.get('postId'))
  const action = String(fd.get('action'))
  if (action !== 'trash' && action !== 'restore' && action !== 'delete') redirect('/admin/posts')
  let result
  try {
    result = await changePostLifecycle(await getCurrentUser(), id, action)
  } catch (error) {
    if (error instanceof PermissionDenied) redirect(`/admin/posts?${new URLSearchParams({ error: 'You cannot change this post.' })}`)
    throw error
  }
  if (!result.ok) redirect(`/admin/posts?${new URLSearchParams({ error: result.message })}`)
  expireFromAction(result.changes)
  const done = { trash: 'Moved to the trash.', restore: 'Restored as a draft.', delete: 'Deleted for good.' }[action]
  redirect(`/admin/posts?${new URLSearchParams({ status: action === 'restore' ? 'draft' : 'trash', notice: done })}`)
}

/** Puts a revision's text back into its post, from the revisions page. */
export async function restoreRevisionAction(fd: FormData): Promise<void> {
  const postId = Number(fd.get('postId'))
  const back = (query: Record<string, string>) => `/admin/posts/${postId}/revisions?${new URLSearchParams(query)}`
  let result
  try {
    result = await restoreRevision(await getCurrentUser(), postId, Number(fd.get('revisionId')))
  } catch (error) {
    if (error instanceof PermissionDenied) redirect(back({ error: 'You cannot change this post.' }))
    throw error
  }
  if (!result.ok) redirect(back({ error: result.message }))
  expireFromAction(result.changes)
  redirect(back({ notice: 'Restored: the post has that revision’s title, excerpt and body again.' }))
}
