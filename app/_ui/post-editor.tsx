'use client'

import { useActionState, useDeferredValue, useRef, useState } from 'react'
import { useFormatter, useTranslations } from 'next-intl'
import { postLifecycleAction, savePostAction } from '@/app/admin/posts/actions'
import { renderPostMarkdown } from '@/lib/markdown/render'
import { FormField } from './form-field'
import { ImageUpload } from './image-upload'
import { useAutosave } from './use-autosave'
import { idle, type FormState } from '@/lib/forms/state'
import { SentByScript } from './sent-by-script'

export interface PostEditorInitial {
  id: number | null
  /** A post, or a page (About, Contact…): set when it is created. */
  kind: 'post' | 'page'
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
  pinned: boolean
  status: string
  publishAt: string
  version: string
}

/** The fields whose text a browser copy is compared on (what someone types). */
const TEXT_FIELDS = [
  'title',
  'slug',
  'body',
  'excerpt',
  'tags',
  'featuredImageUrl',
  'featuredImageAlt',
  'featuredImageCaption',
  'featuredImageCredit',
  'featuredImageCreditUrl',
]

/**
 * The post editor. A refused save keeps every field as typed; drafts save themselves and every change
 * is kept in the browser too (see useAutosave); the preview is the public page's renderer.
 */
export function PostEditor({
  initial,
  restored,
  timeZone,
}: {
  initial: PostEditorInitial
  restored?: FormState
  timeZone: string
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(savePostAction, restored ?? idle)
  const t = useTranslations('admin.editor')
  const format = useFormatter()
  const failed = state.status === 'idle' ? null : state
  const value = (name: keyof PostEditorInitial): string =>
    failed ? (failed.values[name] ?? '') : String(initial[name] ?? '')
  const [body, setBody] = useState(value('body'))
  const preview = useDeferredValue(body)
  const form = useRef<HTMLFormElement>(null)
  const autosave = useAutosave(form, {
    id: initial.id,
    autosave: initial.id === null || initial.status === 'draft',
    compared: TEXT_FIELDS,
    base: { postId: failed?.values.postId ?? String(initial.id ?? ''), version: value('version') },
  })

  /** Sets a field as if typed (for uploads and a restored copy), then counts it as a change. */
  function setField(name: string, text: string) {
    const field = form.current?.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null
    if (!field) return
    field.value = text
    if (name === 'body') setBody(text)
  }
  function restoreCopy() {
    if (!autosave.offered) return
    for (const name of TEXT_FIELDS) setField(name, autosave.offered.values[name] ?? '')
    autosave.acceptOffer()
    autosave.changed()
  }

  return (
    <>
      {autosave.offered ? (
        <section className="notice" aria-labelledby="copy-title">
          <h2 id="copy-title">
            {t('copy.title', {
              when: format.dateTime(new Date(autosave.offered.savedAt), { dateStyle: 'long', timeStyle: 'short' }),
            })}
          </h2>
          <p>{t('copy.text')}</p>
          <p className="comment-form__actions">
            <button type="button" className="button" onClick={restoreCopy}>
              {t('copy.restore')}
            </button>
            <button type="button" className="button button--secondary" onClick={autosave.dismissOffer}>
              {t('copy.discard')}
            </button>
          </p>
        </section>
      ) : null}
      <form
        ref={form}
        action={formAction}
        key={failed?.attempt ?? 0}
        className="post-editor"
        onInput={autosave.changed}
        onSubmit={autosave.submitted}
      >
        <input type="hidden" name="postId" value={autosave.savedAs.postId} />
        <input type="hidden" name="version" value={autosave.savedAs.version} />
        <input type="hidden" name="kind" value={initial.kind} />
        <SentByScript />
        <p role="status" className={`autosave-status autosave-status--${autosave.status.kind}`}>
          {autosave.status.text}
        </p>
        {failed ? (
          <p role="alert" className="form-error">
            {failed.message}
          </p>
        ) : null}
        {failed?.theirs ? (
          <section className="notice" aria-labelledby="theirs-title">
            <h2 id="theirs-title">{t('theirs')}</h2>
            <p>
              <strong>{failed.theirs.title}</strong>
            </p>
            <pre className="their-body">{failed.theirs.body}</pre>
          </section>
        ) : null}
        <FormField name="title" label={t('title')} value={value('title')} error={failed?.fieldErrors.title} />
        <FormField
          name="slug"
          label={t('slug')}
          value={value('slug')}
          error={failed?.fieldErrors.slug}
          help={t('slugHelp', { base: initial.kind === 'page' ? 'pages' : 'posts' })}
        />
        <div className="editor-columns">
          <div>
            <FormField
              name="body"
              label={t('body')}
              value={value('body')}
              error={failed?.fieldErrors.body}
              rows={18}
              onChange={setBody}
            />
            <ImageUpload
              label={t('bodyImage')}
              onUploaded={(image) => {
                const box = form.current?.elements.namedItem('body') as HTMLTextAreaElement
                const at = box.selectionEnd ?? box.value.length
                const markdown = `\n\n![${image.name.replace(/\.[a-z0-9]+$/i, '').replace(/[\[\]]/g, '')}](${image.url})\n\n`
                setField('body', box.value.slice(0, at) + markdown + box.value.slice(at))
                autosave.changed()
              }}
            />
          </div>
          <section className="editor-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" className="comment-form__label">
              {t('preview')}
            </h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: renderPostMarkdown(preview) }} />
          </section>
        </div>
        <FormField
          name="excerpt"
          label={t('excerpt')}
          value={value('excerpt')}
          error={failed?.fieldErrors.excerpt}
          rows={2}
          help={t('excerptHelp')}
        />
        <FormField
          name="tags"
          label={t('tags')}
          value={value('tags')}
          error={failed?.fieldErrors.tags}
          help={t('tagsHelp')}
        />
        <fieldset>
          <legend>{t('image.legend')}</legend>
          <FormField
            name="featuredImageUrl"
            label={t('image.url')}
            value={value('featuredImageUrl')}
            error={failed?.fieldErrors.featuredImageUrl}
          />
          <ImageUpload
            label={t('image.upload')}
            onUploaded={(image) => {
              setField('featuredImageUrl', image.url)
              autosave.changed()
            }}
          />
          <FormField
            name="featuredImageAlt"
            label={t('image.alt')}
            value={value('featuredImageAlt')}
            error={failed?.fieldErrors.featuredImageAlt}
            help={t('image.altHelp')}
          />
          <FormField
            name="featuredImageCaption"
            label={t('image.caption')}
            value={value('featuredImageCaption')}
            error={failed?.fieldErrors.featuredImageCaption}
          />
          <FormField
            name="featuredImageCredit"
            label={t('image.credit')}
            value={value('featuredImageCredit')}
            error={failed?.fieldErrors.featuredImageCredit}
          />
          <FormField
            name="featuredImageCreditUrl"
            label={t('image.creditUrl')}
            value={value('featuredImageCreditUrl')}
            error={failed?.fieldErrors.featuredImageCreditUrl}
          />
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="commentsOpen"
              defaultChecked={failed ? failed.values.commentsOpen === 'on' : initial.commentsOpen}
            />{' '}
            {t('allowComments')}
          </label>
          {initial.kind === 'post' ? (
            <label className="checkbox">
              <input
                type="checkbox"
                name="pinned"
                defaultChecked={failed ? failed.values.pinned === 'on' : initial.pinned}
              />{' '}
              {t('pin')}
            </label>
          ) : null}
        </div>
        <FormField
          name="publishAt"
          label={t('publishAt', { zone: timeZone })}
          type="datetime-local"
          step={1}
          value={value('publishAt')}
          error={failed?.fieldErrors.publishAt}
          help={t('publishAtHelp', { zone: timeZone })}
        />
        <div className="comment-form__actions editor-actions">
          <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending}>
            {initial.status === 'published' ? t('update') : t('saveDraft')}
          </button>
          <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
            {initial.status === 'published' ? t('updatePublished') : t('publish')}
          </button>
          <button type="submit" name="intent" value="schedule" className="button button--secondary" disabled={pending}>
            {t('schedule')}
          </button>
          {initial.status === 'published' || initial.status === 'scheduled' ? (
            <button
              type="submit"
              name="intent"
              value="unpublish"
              className="button button--secondary"
              disabled={pending}
            >
              {t('unpublish')}
            </button>
          ) : null}
        </div>
      </form>
      {initial.id !== null && initial.status !== 'trash' ? (
        <form action={postLifecycleAction} className="editor-trash">
          <input type="hidden" name="postId" value={initial.id} />
          <button type="submit" name="action" value="trash" className="link-button">
            {t('trash')}
          </button>
        </form>
      ) : null}
    </>
  )
}
