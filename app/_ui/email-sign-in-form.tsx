'use client'

import { useActionState, useId } from 'react'
import { useFormStatus } from 'react-dom'
import { useTranslations } from 'next-intl'
import { emailSignInAction, providerSignInAction } from '@/app/(site)/signin/actions'
import { idle } from '@/lib/forms/state'

function Submit() {
  const { pending } = useFormStatus()
  const t = useTranslations('client.account')
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? t('sending') : t('emailMeALink')}
    </button>
  )
}

export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  // The permalink gives the form a real action address, so it posts to /signin without script too.
  const [state, formAction] = useActionState(emailSignInAction, idle, '/signin')
  const id = useId()
  const t = useTranslations('client.account')
  const error = state.status === 'error' ? state : null
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor={`${id}-email`}>{t('emailAddress')}</label>
      <input
        key={error?.attempt ?? 0}
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={error?.values.email ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <Submit />
    </form>
  )
}

/** A button that starts sign-in with an identity provider (a form, so it works without script). */
export function ProviderSignInForm({
  provider,
  name,
  callbackUrl,
}: {
  provider: string
  name: string
  callbackUrl: string
}) {
  const [, formAction] = useActionState(providerSignInAction, idle, '/signin')
  return (
    <form action={formAction}>
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className="button button--secondary">
        {name}
      </button>
    </form>
  )
}
