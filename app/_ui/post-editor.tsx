'use client'

import { useActionState, useDeferredValue, useEffect, useRef, useState } from 'react'
import { postLifecycleAction, savePostAction, type PostFormState } from '@/app/admin/posts/actions'
import { renderPostMarkdown } from '@/lib/markdown/render'
import { FormField } from './form-field'

export interface PostEditorInitial {
  id: number | null
  title: string
  slug: string
  body: string
  excerpt: string
  tags: string
  featuredImageUrl: string
  featuredImageAlt: string
  featuredImageCaption: string
  featuredImageCredit: string
  featuredImageCreditUrl: string
  commentsOpen: boolean
  status: string
  publishAt: string
  version: string
}

/** The post editor. A refused save keeps every field as typed; the preview is the public page's renderer. */
export function PostEditor({ initial }: { initial: PostEditorInitial }) {
  const [state, formAction, pending] = useActionState<PostFormState, FormData>(savePostAction, { status: 'idle' })
  const failed = state.status === 'idle' ? null : state
  const value = (name: keyof PostEditorInitial): string => (failed ? (failed.values[name] ?? '') : String(initial[name] ?? ''))
  const [body, setBody] = useState(value('body'))
  const preview = useDeferredValue(body)
  const dirty = useRef(false)

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  return (
    <>
      <form
        action={formAction}
        key={failed?.attempt ?? 0}
        className="post-editor"
        onChange={() => (dirty.current = true)}
        onSubmit={() => (dirty.current = false)}
      >
        <input type="hidden" name="postId" value={initial.id ?? ''} />
        <input type="hidden" name="version" value={value('version')} />
        {failed ? (
          <p role="alert" className="form-error">
            {failed.message}
          </p>
        ) : null}
        {failed?.theirs ? (
          <section className="notice" aria-labelledby="theirs-title">
            <h2 id="theirs-title">The version saved meanwhile</h2>
            <p>
              <strong>{failed.theirs.title}</strong>
            </p>
            <pre className="their-body">{failed.theirs.body}</pre>
          </section>
        ) : null}
        <FormField name="title" label="Title" value={value('title')} error={failed?.fieldErrors.title} />
        <FormField name="slug" label="Address" value={value('slug')} error={failed?.fieldErrors.slug} help="The end of the post’s address, /posts/…; left empty, it is made from the title." />
        <div className="editor-columns">
          <FormField name="body" label="Body (Markdown)" value={value('body')} error={failed?.fieldErrors.body} rows={18} onChange={setBody} />
          <section className="editor-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" className="comment-form__label">
              Preview
            </h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: renderPostMarkdown(preview) }} />
          </section>
        </div>
        <FormField name="excerpt" label="Excerpt" value={value('excerpt')} error={failed?.fieldErrors.excerpt} rows={2} help="Shown on the home page; left empty, the first paragraph is used." />
        <FormField name="tags" label="Tags" value={value('tags')} error={failed?.fieldErrors.tags} help="Separated by commas; new tags are created." />
        <fieldset>
          <legend>Featured image</legend>
          <FormField name="featuredImageUrl" label="Image address" value={value('featuredImageUrl')} error={failed?.fieldErrors.featuredImageUrl} />
          <FormField name="featuredImageAlt" label="Alternative text" value={value('featuredImageAlt')} error={failed?.fieldErrors.featuredImageAlt} help="What the image shows, for people who cannot see it." />
          <FormField name="featuredImageCaption" label="Caption" value={value('featuredImageCaption')} error={failed?.fieldErrors.featuredImageCaption} />
          <FormField name="featuredImageCredit" label="Credit" value={value('featuredImageCredit')} error={failed?.fieldErrors.featuredImageCredit} />
          <FormField name="featuredImageCreditUrl" label="Credit link" value={value('featuredImageCreditUrl')} error={failed?.fieldErrors.featuredImageCreditUrl} />
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="commentsOpen" defaultChecked={failed ? failed.values.commentsOpen === 'on' : initial.commentsOpen} /> Allow comments
          </label>
        </div>
        <FormField
          name="publishAt"
          label="Publish at (UTC)"
          type="datetime-local"
          value={value('publishAt')}
          error={failed?.fieldErrors.publishAt}
          help="For “Schedule”: the post appears on its own at this time."
        />
        <div className="comment-form__actions editor-actions">
          <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending}>
            {initial.status === 'published' ? 'Update' : 'Save draft'}
          </button>
          <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
            {initial.status === 'published' ? 'Update and keep published' : 'Publish now'}
          </button>
          <button type="submit" name="intent" value="schedule" className="button button--secondary" disabled={pending}>
            Schedule
          </button>
          {initial.status === 'published' || initial.status === 'scheduled' ? (
            <button type="submit" name="intent" value="unpublish" className="button button--secondary" disabled={pending}>
              Unpublish
            </button>
          ) : null}
        </div>
      </form>
      {initial.id !== null && initial.status !== 'trash' ? (
        <form action={postLifecycleAction} className="editor-trash">
          <input type="hidden" name="postId" value={initial.id} />
          <button type="submit" name="action" value="trash" className="link-button">
            Move to the trash
          </button>
        </form>
      ) : null}
    </>
  )
}
