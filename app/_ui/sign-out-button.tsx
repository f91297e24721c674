'use client'

import { useTranslations } from 'next-intl'
import { signOutAction } from '@/app/(site)/signin/actions'

/** A Sign out button: a form, so never put it inside a <p> (use a div). */
export function SignOutButton({ returnTo = '/' }: { returnTo?: string }) {
  const t = useTranslations('client.account')
  return (
    <form action={signOutAction} className="inline-form">
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="link-button">
        {t('signOut')}
      </button>
    </form>
  )
}
