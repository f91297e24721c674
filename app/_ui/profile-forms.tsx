'use client'

import { useActionState, useId } from 'react'
import { deleteAccountAction, renameAction, saveMailChoicesAction, stopFollowingAction } from '@/app/(site)/profile/actions'
import { postPath } from '@/lib/paths'
import { idle } from '@/lib/forms'
import type { MailChoices } from '@/lib/mail/choices'

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

/** Which emails the person gets (replies to their comments; held comments, for moderators) and how: each, or a daily digest. */
export function MailChoicesForm({ choices }: { choices: MailChoices }) {
  const [state, formAction, pending] = useActionState(saveMailChoicesAction, idle)
  return (
    <form action={formAction} className="stack">
      {choices.bounced ? (
        <p role="alert" className="form-error">
          Mail to your address was refused by its mail server, so the blog sends you nothing. Sign in with an address that works.
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" name="replies" defaultChecked={choices.replies} /> Email me when someone replies to my comments
      </label>
      {choices.held !== null ? (
        <label className="checkbox">
          <input type="checkbox" name="held" defaultChecked={choices.held} /> Email me about each comment held for moderation
        </label>
      ) : null}
      <fieldset>
        <legend>How these emails come, and those of the conversations you follow</legend>
        <label className="checkbox">
          <input type="radio" name="delivery" value="each" defaultChecked={choices.delivery === 'each'} /> One email for each, as it happens
        </label>
        <label className="checkbox">
          <input type="radio" name="delivery" value="daily" defaultChecked={choices.delivery === 'daily'} /> One digest a day, grouped by post
        </label>
      </fieldset>
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Save email choices
      </button>
    </form>
  )
}

/** The conversations the person follows, each with a button to stop. */
export function FollowedPosts({ posts }: { posts: MailChoices['following'] }) {
  if (posts.length === 0) return <p>You follow no conversations. Tick “Follow this conversation” under a comment box to get each new comment by email.</p>
  return (
    <ul className="followed-posts">
      {posts.map((p) => (
        <li key={p.id}>
          <a href={postPath(p.slug)}>{p.title}</a>{' '}
          <form action={stopFollowingAction} className="inline-form">
            <input type="hidden" name="postId" value={p.id} />
            <button type="submit" className="link-button" aria-label={`Stop following “${p.title}”`}>
              Stop following
            </button>
          </form>
        </li>
      ))}
    </ul>
  )
}
