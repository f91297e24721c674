'use client'

import { useActionState } from 'react'
import { claimOwnershipAction } from '@/app/(site)/setup/[token]/actions'
import { FormField } from '@/app/_ui/form-field'
import { idle } from '@/lib/forms'

/** The owner's confirmation; `suggestedAddress` is shown for the owner to confirm when no AUTH_URL sets it. */
export function ClaimOwnershipForm({ token, suggestedAddress }: { token: string; suggestedAddress: string | null }) {
  const [state, formAction, pending] = useActionState(claimOwnershipAction, idle)
  const error = state.status === 'error' ? state : null
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="token" value={token} />
      {suggestedAddress !== null ? (
        <FormField
          key={error?.attempt ?? 0}
          name="address"
          label="The blog’s public address"
          type="url"
          value={error?.values.address ?? suggestedAddress}
          help="Sign-in links, feeds and emails point here. Use the address readers type, such as https://blog.example.com."
          error={error?.field === 'address' ? error.message : undefined}
        />
      ) : null}
      {error && error.field !== 'address' ? (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Make me the owner of this blog
      </button>
    </form>
  )
}
