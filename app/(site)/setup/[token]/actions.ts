'use server'

import { claimOwnership } from '@/lib/auth/owner'
import { formAction } from '@/lib/forms/actions'

/** The owner's setup link: whoever holds it, signed in, becomes the blog's owner at its address. */
export const claimOwnershipAction = formAction({
  run: ({ token = '', address = '' }, { viewer }) => claimOwnership(viewer, { token, address }),
  done: () => '/profile?owner=1',
  keep: ['address'],
})
