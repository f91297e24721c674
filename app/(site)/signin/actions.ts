'use server'

import { safeReturnPath } from '@/lib/auth/redirects'
import { emailSignIn, providerSignIn, signOutHere } from '@/lib/auth/sign-in'
import { buttonAction, formAction } from '@/lib/forms/actions'

// Each of these redirects through Auth.js once it goes well (to "check your email", the provider,
// or back): `done` is where the browser would go if it did not.

export const emailSignInAction = formAction({
  run: (values) => emailSignIn(values),
  done: () => '/signin',
  keep: ['email'],
})

/** The sign-in page again, carrying Auth.js's word for what went wrong (the page says it). */
const signInAgain = (values: Record<string, string>, error = 'UnknownAddress') =>
  `/signin?error=${error}&callbackUrl=${encodeURIComponent(safeReturnPath(values.callbackUrl))}`

export const providerSignInAction = formAction({
  refusedTo: (refused, values) => signInAgain(values, refused.reason),
  run: (values) => providerSignIn(values),
  done: () => '/signin',
})

export const signOutAction = buttonAction({
  back: (values) => safeReturnPath(values.returnTo),
  run: (values) => signOutHere(values),
  done: (_, values) => safeReturnPath(values.returnTo),
})
