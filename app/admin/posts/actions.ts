'use server'

import { buttonAction, formAction, notice } from '@/lib/forms/actions'
import { changePostLifecycle, savePost } from '@/lib/posts/editing'
import { restoreRevision } from '@/lib/posts/revisions'
import { parseId } from '@/lib/params'
import { siteTranslator } from '@/lib/i18n'
import { refusal } from '@/lib/result'

/** The editor's own address: the post's, or a new post's or page's. */
const editorPage = (values: Record<string, string>) => {
  const id = parseId(values.postId)
  return id ? `/admin/posts/${id}` : values.kind === 'page' ? '/admin/posts/new?kind=page' : '/admin/posts/new'
}

const postSentence = (key: 'cannotEdit' | 'cannotChange') => async () => (await siteTranslator('errors.posts'))(key)

/** Saves, publishes, schedules or unpublishes from the post editor. */
export const savePostAction = formAction({
  run: (values, { viewer }) => savePost(viewer, parseId(values.postId), values),
  done: (saved, values) => `/admin/posts/${saved.id}?saved=${values.intent}`,
  page: editorPage,
  refused: postSentence('cannotEdit'),
})

const LIFECYCLE = { trash: 'trashed', restore: 'restored', delete: 'deletedForGood' } as const

/** Trash, restore or delete permanently, from the posts list or the editor. */
export const postLifecycleAction = buttonAction({
  back: () => '/admin/posts',
  run: async ({ postId, action }, { viewer }) =>
    action === 'trash' || action === 'restore' || action === 'delete'
      ? changePostLifecycle(viewer, Number(postId), action)
      : refusal(await postSentence('cannotChange')()), // only a forged form names another
  done: async (_, { action }) =>
    notice(
      `/admin/posts?status=${action === 'restore' ? 'draft' : 'trash'}`,
      (await siteTranslator('admin.posts.notices'))(LIFECYCLE[action as keyof typeof LIFECYCLE]),
    ),
  refused: postSentence('cannotChange'),
})

/** The revisions page of the post the form is about. */
const revisionsPage = (values: Record<string, string>) => `/admin/posts/${Number(values.postId)}/revisions`

/** Puts a revision's text back into its post, from the revisions page. */
export const restoreRevisionAction = buttonAction({
  back: revisionsPage,
  run: ({ postId, revisionId }, { viewer }) => restoreRevision(viewer, Number(postId), Number(revisionId)),
  done: async (_, values) =>
    notice(revisionsPage(values), (await siteTranslator('admin.posts.notices'))('revisionRestored')),
  refused: postSentence('cannotChange'),
})
