'use client'

// Parts both comment forms share (the signed-in one and the signed-out one).

import { useTranslations } from 'next-intl'

/** The field only bots fill in: a comment that fills it is treated as spam. */
export function HoneypotField() {
  const t = useTranslations('client.comments.form')
  return (
    <div className="comment-form__trap" aria-hidden="true">
      <label>
        {t('trap')}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  )
}

export function MarkdownHelp({ id }: { id: string }) {
  const t = useTranslations('client.comments.form')
  return (
    <p id={id} className="comment-form__help">
      {t('markdown')}
    </p>
  )
}

/** "Follow this conversation": each new comment on the post by email. */
export function FollowBox({ checked = false }: { checked?: boolean }) {
  const t = useTranslations('client.comments.form')
  return (
    <label className="checkbox comment-form__follow">
      <input type="checkbox" name="follow" defaultChecked={checked} /> {t('follow')}
    </label>
  )
}

/** Why the form was refused, tied to its field by id. */
export function FormAlert({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} role="alert" className="form-error">
      {message}
    </p>
  ) : null
}
