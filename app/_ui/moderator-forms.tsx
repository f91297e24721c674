'use client'

import { useActionState } from 'react'
import { useFormStatus } from 'react-dom'
import { moderatorEditAction, moderatorReplyAction } from '@/app/admin/comments/actions'
import { idle, type FormState } from '@/lib/forms/state'
import { RawTextarea } from './raw-textarea'
import { SentByScript } from './sent-by-script'

function Submit({ label, busy }: { label: string; busy: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? busy : label}
    </button>
  )
}

/**
 * One form on a comment's admin page: edit its text, or reply to it. A refusal is said beside the
 * box and keeps what was typed.
 */
export function ModeratorCommentForm(props: {
  kind: 'edit' | 'reply'
  commentId: number
  initialBody: string
  label: string
  submit: string
  busy: string
  formToken?: string
  restored?: FormState
}) {
  const { kind, commentId, initialBody, label, submit, busy, formToken, restored } = props
  const [state, formAction] = useActionState(
    kind === 'edit' ? moderatorEditAction : moderatorReplyAction,
    restored?.status === 'error' && restored.form === kind ? restored : idle,
  )
  const error = state.status === 'error' ? state : null
  const id = `moderator-${kind}`
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="commentId" value={commentId} />
      <SentByScript />
      {formToken ? <input type="hidden" name="formToken" value={formToken} /> : null}
      <label htmlFor={`${id}-body`}>{label}</label>
      <RawTextarea
        key={error?.attempt ?? 0}
        id={`${id}-body`}
        name="body"
        rows={kind === 'edit' ? 8 : 5}
        required
        maxLength={10_000}
        defaultValue={error ? (error.values.body ?? '') : initialBody}
        invalid={!!error}
        describedBy={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <div>
        <Submit label={submit} busy={busy} />
      </div>
    </form>
  )
}
