'use server'

import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/auth/config'
import { safeReturnPath } from '@/lib/auth/redirects'
import { formError, type FormState } from '@/lib/forms'
import { allow } from '@/lib/rate-limits'
import { clientIp } from '@/lib/request'

const emailSchema = z.email({ error: 'Enter an email address like name@example.com.' }).max(254)

/** Sends a sign-in link to the address typed, within the sign-in email limits. */
export async function emailSignInAction(prev: FormState, fd: FormData): Promise<FormState> {
  const typed = String(fd.get('email') ?? '').trim()
  const returnTo = safeReturnPath(fd.get('callbackUrl'))
  const parsed = emailSchema.safeParse(typed.toLowerCase())
  if (!parsed.success) return formError(prev, parsed.error.issues[0].message, { email: typed }, 'email')
  const email = parsed.data
  if (!(await allow('signInEmailsPerAddress', email)) || !(await allow('signInEmailsPerIp', await clientIp()))) {
    return formError(prev, 'Too many sign-in emails were asked for. Check your inbox, or try again in an hour.', { email: typed }, 'email')
  }
  try {
    await signIn('nodemailer', { email, redirectTo: returnTo })
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are failures to report.
    if (error instanceof AuthError) {
      console.error('Sign-in email failed:', error)
      return formError(prev, 'The sign-in email could not be sent. Try again in a moment.', { email: typed }, 'email')
    }
    throw error
  }
  return prev
}

/** Starts sign-in with GitHub, Google or the configured OpenID Connect provider. */
export async function providerSignInAction(prev: null, fd: FormData): Promise<null> {
  await signIn(String(fd.get('provider') ?? ''), { redirectTo: safeReturnPath(fd.get('callbackUrl')) })
  return null
}

/** Signs out of this browser. */
export async function signOutAction(fd: FormData): Promise<void> {
  await signOut({ redirectTo: safeReturnPath(fd.get('returnTo')) })
}
