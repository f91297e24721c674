'use client'

import { useActionState, useEffect, useId } from 'react'
import { useFormStatus } from 'react-dom'
import { useTranslations } from 'next-intl'
import { editCommentAction, postCommentAction } from '@/app/(site)/posts/[slug]/actions'
import { idle, type FormState } from '@/lib/forms/state'
import { RawTextarea } from '../raw-textarea'
import { SentByScript } from '../sent-by-script'
import { commentStore } from './store'
import { FollowBox, FormAlert, HoneypotField, MarkdownHelp } from './form-parts'

function SubmitButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? busyLabel : label}
    </button>
  )
}

export interface CommentFormProps {
  postId: number
  parentId?: number | null
  formToken: string | null
  authorName: string
  /** Editing an existing comment instead of writing a new one. */
  edit?: { commentId: number; body: string }
  label?: string
  autoFocus?: boolean
  onCancel?: () => void
  /** A refusal kept over a redirect (a plain HTML post, lib/forms/kept.ts): its sentence and what was typed. */
  restored?: FormState
  /** Text to start with (typed elsewhere before this form appeared). */
  initialBody?: string
  /** The person has no display name yet: ask for one with their first comment. */
  askName?: boolean
}

/** The comment form: works as a plain POST without JavaScript; with it, shows the comment at once. */
export function CommentForm({
  postId,
  parentId = null,
  formToken,
  authorName,
  edit,
  label,
  autoFocus,
  onCancel,
  restored,
  initialBody = '',
  askName = false,
}: CommentFormProps) {
  const [state, formAction] = useActionState(edit ? editCommentAction : postCommentAction, restored ?? idle)
  const id = useId()
  const t = useTranslations('client.comments')
  const error = state.status === 'error' ? state : null
  const body = error ? (error.values.body ?? '') : (edit?.body ?? initialBody)

  const failed = state.status === 'error' ? state.attempt : 0
  useEffect(() => {
    if (failed) commentStore.update({ optimistic: [] })
  }, [failed])

  return (
    <form
      className="comment-form"
      action={formAction}
      onSubmit={(event) => {
        if (edit) return
        const text = new FormData(event.currentTarget).get('body')
        if (typeof text !== 'string' || text.trim() === '') return
        commentStore.update({
          optimistic: [
            ...commentStore.get().optimistic,
            { tempId: `${Date.now()}`, parentId, body: text.trim(), authorName },
          ],
        })
      }}
    >
      <SentByScript />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="parentId" value={parentId ?? ''} />
      <input type="hidden" name="formToken" value={formToken ?? ''} />
      {edit ? <input type="hidden" name="commentId" value={edit.commentId} /> : null}
      <HoneypotField />
      {askName && !edit ? (
        <>
          <label htmlFor={`${id}-name`}>{t('form.yourName')}</label>
          <input
            id={`${id}-name`}
            name="name"
            maxLength={60}
            autoComplete="name"
            defaultValue={error?.values.name ?? ''}
            aria-invalid={error?.field === 'name' || undefined}
            aria-describedby={error?.field === 'name' ? `${id}-error` : `${id}-name-help`}
          />
          <p id={`${id}-name-help`} className="comment-form__help">
            {t('form.yourNameHelp')}
          </p>
        </>
      ) : null}
      <label htmlFor={`${id}-body`} className="comment-form__label">
        {label ?? t('form.comment')}
      </label>
      <RawTextarea
        key={error?.attempt ?? 0}
        id={`${id}-body`}
        name="body"
        rows={6}
        required
        maxLength={10_000}
        defaultValue={body}
        focus={autoFocus}
        invalid={!!error}
        describedBy={error ? `${id}-error` : `${id}-help`}
      />
      <MarkdownHelp id={`${id}-help`} />
      {edit ? null : <FollowBox />}
      <FormAlert id={`${id}-error`} message={error?.message} />
      <div className="comment-form__actions">
        <SubmitButton
          label={edit ? t('form.save') : t('form.post')}
          busyLabel={edit ? t('form.saving') : t('posting')}
        />
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
