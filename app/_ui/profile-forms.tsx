'use client'

import { useActionState, useId } from 'react'
import { useTranslations } from 'next-intl'
import {
  deleteAccountAction,
  renameAction,
  saveMailChoicesAction,
  stopFollowingAction,
} from '@/app/(site)/profile/actions'
import { postPath } from '@/lib/paths'
import { idle } from '@/lib/forms/state'
import type { MailChoices } from '@/lib/mail/choices'

export function RenameForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState(renameAction, idle)
  const id = useId()
  const t = useTranslations('client.profile')
  const error = state.status === 'error' ? state : null
  return (
    <form action={formAction} className="stack">
      <label htmlFor={`${id}-name`}>{t('displayName')}</label>
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
        {t('displayNameHelp')}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('saving') : t('saveName')}
      </button>
    </form>
  )
}

export function DeleteAccountForm() {
  const [state, formAction, pending] = useActionState(deleteAccountAction, idle)
  const id = useId()
  const t = useTranslations('client.profile')
  return (
    <form action={formAction} className="stack">
      <p>{t('deleteText')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          aria-describedby={state.status === 'error' ? `${id}-error` : undefined}
        />{' '}
        {t('deleteConfirm')}
      </label>
      {state.status === 'error' ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button button--danger" disabled={pending}>
        {t('deleteButton')}
      </button>
    </form>
  )
}

/** Which emails the person gets (replies to their comments; held comments, for moderators) and how: each, or a daily digest. */
export function MailChoicesForm({ choices }: { choices: MailChoices }) {
  const [state, formAction, pending] = useActionState(saveMailChoicesAction, idle)
  const t = useTranslations('client.profile')
  return (
    <form action={formAction} className="stack">
      {choices.bounced ? (
        <p role="alert" className="form-error">
          {t('bounced')}
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" name="replies" defaultChecked={choices.replies} /> {t('replies')}
      </label>
      {choices.held !== null ? (
        <label className="checkbox">
          <input type="checkbox" name="held" defaultChecked={choices.held} /> {t('held')}
        </label>
      ) : null}
      <fieldset>
        <legend>{t('delivery')}</legend>
        <label className="checkbox">
          <input type="radio" name="delivery" value="each" defaultChecked={choices.delivery === 'each'} /> {t('each')}
        </label>
        <label className="checkbox">
          <input type="radio" name="delivery" value="daily" defaultChecked={choices.delivery === 'daily'} />{' '}
          {t('daily')}
        </label>
      </fieldset>
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t('saveChoices')}
      </button>
    </form>
  )
}

/** The conversations the person follows, each with a button to stop. */
export function FollowedPosts({ posts }: { posts: MailChoices['following'] }) {
  const t = useTranslations('client.profile')
  if (posts.length === 0) return <p>{t('followNone')}</p>
  return (
    <ul className="followed-posts">
      {posts.map((p) => (
        <li key={p.id}>
          <a href={postPath(p.slug)}>{p.title}</a>{' '}
          <form action={stopFollowingAction} className="inline-form">
            <input type="hidden" name="postId" value={p.id} />
            <button type="submit" className="link-button" aria-label={t('stopFollowingPost', { post: p.title })}>
              {t('stopFollowing')}
            </button>
          </form>
        </li>
      ))}
    </ul>
  )
}
