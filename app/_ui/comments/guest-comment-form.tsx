'use client'

import { useActionState, useId } from 'react'
import { useFormStatus } from 'react-dom'
import { useTranslations } from 'next-intl'
import { keepCommentAction } from '@/app/(site)/posts/[slug]/actions'
import { idle, type FormState } from '@/lib/forms/state'
import { replyPath } from '@/lib/paths'
import { RawTextarea } from '../raw-textarea'
import { SentByScript } from '../sent-by-script'
import { FollowBox, FormAlert, HoneypotField, MarkdownHelp } from './form-parts'

function Submit() {
  const { pending } = useFormStatus()
  const t = useTranslations('client.comments.form')
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? t('sending') : t('post')}
    </button>
  )
}

/**
 * The comment form for a signed-out reader (WordPress's Name, Email, Comment): the comment is kept
 * until they confirm their address from the mail it sends (lib/comments/written-first.ts). Works as
 * a plain POST; a refusal says why beside the field and keeps everything typed.
 */
export function GuestCommentForm(props: {
  postId: number
  slug: string
  parentId?: number | null
  label?: string
  restored?: FormState
  formToken?: string | null
}) {
  const { postId, slug, parentId = null, label, restored, formToken } = props
  // The permalink gives the form an address of its own in cached HTML (the reply page, which answers without script).
  const [state, formAction] = useActionState(
    keepCommentAction,
    restored ?? idle,
    replyPath(slug, { to: parentId ?? undefined }),
  )
  const id = useId()
  const t = useTranslations('client.comments.form')
  const error = state.status === 'error' ? state : null
  const value = (name: string) => error?.values[name] ?? ''
  const describedBy = (field: string, help?: string) => (error?.field === field ? `${id}-error` : help)
  return (
    <form action={formAction} className="comment-form" key={error?.attempt ?? 0}>
      <SentByScript />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="parentId" value={parentId ?? ''} />
      <input type="hidden" name="slug" value={slug} />
      {formToken ? <input type="hidden" name="formToken" value={formToken} /> : null}
      <HoneypotField />
      <label htmlFor={`${id}-name`}>{t('name')}</label>
      <input
        id={`${id}-name`}
        name="name"
        required
        maxLength={60}
        autoComplete="name"
        defaultValue={value('name')}
        aria-invalid={error?.field === 'name' || undefined}
        aria-describedby={describedBy('name')}
      />
      <label htmlFor={`${id}-email`}>{t('email')}</label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        defaultValue={value('email')}
        aria-invalid={error?.field === 'email' || undefined}
        aria-describedby={describedBy('email', `${id}-email-help`)}
      />
      <p id={`${id}-email-help`} className="comment-form__help">
        {t('emailHelp')}
      </p>
      <label htmlFor={`${id}-body`} className="comment-form__label">
        {label ?? t('comment')}
      </label>
      <RawTextarea
        id={`${id}-body`}
        name="body"
        rows={6}
        required
        maxLength={10_000}
        defaultValue={value('body')}
        invalid={error?.field === 'body'}
        describedBy={describedBy('body', `${id}-help`)}
      />
      <MarkdownHelp id={`${id}-help`} />
      <FollowBox checked={value('follow') === 'on'} />
      <FormAlert id={`${id}-error`} message={error?.message} />
      <div className="comment-form__actions">
        <Submit />
      </div>
    </form>
  )
}
