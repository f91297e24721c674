'use server'

import { AuthError } from 'next-auth'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/auth/config'
import { safeReturnPath } from '@/lib/auth/redirects'
import { SignInEmailRefused } from '@/lib/auth/sign-in-email'
import { formError, type FormState } from '@/lib/forms'
import { signInHostProblem } from '@/lib/public-address'
import { describeError, log } from '@/lib/log'
import { siteTranslator } from '@/lib/i18n'

const emailSchema = z.email().max(254)

/** Sends a sign-in link to the address typed (the limits and the link's address are checked as it is sent). */
export async function emailSignInAction(prev: FormState, fd: FormData): Promise<FormState> {
  const typed = String(fd.get('email') ?? '').trim()
  const returnTo = safeReturnPath(fd.get('callbackUrl'))
  const t = await siteTranslator('errors.signIn')
  const parsed = emailSchema.safeParse(typed.toLowerCase())
  if (!parsed.success) return formError(prev, t('emailInvalid'), { email: typed }, 'email')
  if (await signInHostProblem(await headers())) return formError(prev, t('unknownAddress'), { email: typed }, 'email')
  try {
    await signIn('nodemailer', { email: parsed.data, redirectTo: returnTo })
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are failures to report.
    if (error instanceof SignInEmailRefused) return formError(prev, t(error.reason), { email: typed }, 'email')
    if (error instanceof AuthError) {
      if (error.type === 'AccessDenied') return formError(prev, t('accessDenied'), { email: typed }, 'email')
      log().error({ event: 'sign-in.email-failed', error: describeError(error.cause ?? error) }, 'A sign-in email could not be sent.')
      return formError(prev, t('notSent'), { email: typed }, 'email')
    }
    throw error
  }
  return prev
}

/** Starts sign-in with GitHub, Google or the configured OpenID Connect provider. */
export async function providerSignInAction(prev: null, fd: FormData): Promise<null> {
  const returnTo = safeReturnPath(fd.get('callbackUrl'))
  if (await signInHostProblem(await headers())) redirect(`/signin?error=UnknownAddress&callbackUrl=${encodeURIComponent(returnTo)}`)
  await signIn(String(fd.get('provider') ?? ''), { redirectTo: returnTo })
  return null
}

/** Signs out of this browser. */
export async function signOutAction(fd: FormData): Promise<void> {
  await signOut({ redirectTo: safeReturnPath(fd.get('returnTo')) })
}
