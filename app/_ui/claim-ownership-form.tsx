'use client'

import { useActionState } from 'react'
import { claimOwnershipAction } from '@/app/(site)/setup/[token]/actions'
import { FormField } from '@/app/_ui/form-field'
import { idle } from '@/lib/forms/state'

/** The owner's confirmation; `suggestedAddress` is shown for the owner to confirm when no AUTH_URL sets it. */
export function ClaimOwnershipForm(props: {
  token: string
  suggestedAddress: string | null
  words: { address: string; addressHelp: string; button: string }
}) {
  const { token, suggestedAddress, words } = props
  const [state, formAction, pending] = useActionState(claimOwnershipAction, idle)
  const error = state.status === 'error' ? state : null
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="token" value={token} />
      {suggestedAddress !== null ? (
        <FormField
          key={error?.attempt ?? 0}
          name="address"
          label={words.address}
          type="url"
          value={error?.values.address ?? suggestedAddress}
          help={words.addressHelp}
          error={error?.field === 'address' ? error.message : undefined}
        />
      ) : null}
      {error && error.field !== 'address' ? (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {words.button}
      </button>
    </form>
  )
}
