'use client'

import { useActionState } from 'react'
import { claimOwnershipAction } from '@/app/(site)/setup/[token]/actions'
import { idle } from '@/lib/forms'

export function ClaimOwnershipForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(claimOwnershipAction, idle)
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="token" value={token} />
      {state.status === 'error' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Make me the owner of this blog
      </button>
    </form>
  )
}
