'use client'

import { useActionState, useId } from 'react'
import { deleteAccountAction, renameAction } from '@/app/(site)/profile/actions'
import { idle } from '@/lib/forms'

export function RenameForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState(renameAction, idle)
  const id = useId()
  const error = state.status === 'error' ? state : null
  return (
    <form action={formAction} className="stack">
      <label htmlFor={`${id}-name`}>Display name</label>
      <input
        key={error?.attempt ?? 0}
        id={`${id}-name`}
        name="name"
        required
        maxLength={60}
        defaultValue={error?.values.name ?? name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
      />
      <p id={`${id}-help`} className="comment-form__help">
        Shown with your comments. Your email address is never shown.
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </button>
    </form>
  )
}

export function DeleteAccountForm() {
  const [state, formAction, pending] = useActionState(deleteAccountAction, idle)
  const id = useId()
  return (
    <form action={formAction} className="stack">
      <p>
        Your name and email address are removed and you are signed out everywhere. Your comments stay in their threads,
        shown as written by a deleted account.
      </p>
      <label className="checkbox">
        <input type="checkbox" name="confirm" value="yes" aria-describedby={state.status === 'error' ? `${id}-error` : undefined} />{' '}
        I want to delete my account
      </label>
      {state.status === 'error' ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button button--danger" disabled={pending}>
        Delete my account
      </button>
    </form>
  )
}
