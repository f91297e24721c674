import { AuthError } from 'next-auth'
import { headers } from 'next/headers'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/auth/config'
import { safeReturnPath } from '@/lib/auth/redirects'
import { SignInEmailRefused } from '@/lib/auth/sign-in-email'
import { siteTranslator } from '@/lib/i18n'
import { describeError, log } from '@/lib/log'
import { signInHostProblem } from '@/lib/public-address'
import { refusal, type Result } from '@/lib/result'

// Signing in and out from the blog's own forms, through Auth.js. Its signIn and signOut answer by
// redirecting (they throw Next's redirect), so a call that goes well does not return here.

const emailSchema = z.email().max(254)

/** Sends a sign-in link to the address typed (the limits and the link's address are checked as it is sent). */
export async function emailSignIn(values: Record<string, string>): Promise<Result> {
  const typed = (values.email ?? '').trim()
  const t = await siteTranslator('errors.signIn')
  const email = (reason: Parameters<typeof t>[0]) => refusal(t(reason), { field: 'email', values: { email: typed } })
  const parsed = emailSchema.safeParse(typed.toLowerCase())
  if (!parsed.success) return email('emailInvalid')
  if (await signInHostProblem(await headers())) return email('unknownAddress')
  try {
    await signIn('nodemailer', { email: parsed.data, redirectTo: safeReturnPath(values.callbackUrl) })
  } catch (error) {
    if (error instanceof SignInEmailRefused) return email(error.reason)
    if (error instanceof AuthError) {
      if (error.type === 'AccessDenied') return email('accessDenied')
      log().error(
        { event: 'sign-in.email-failed', error: describeError(error.cause ?? error) },
        'A sign-in email could not be sent.',
      )
      return email('notSent')
    }
    throw error
  }
  return { ok: true }
}

/** Starts sign-in with GitHub, Google or the configured OpenID Connect provider. */
export async function providerSignIn(values: Record<string, string>): Promise<Result> {
  if (await signInHostProblem(await headers()))
    return refusal((await siteTranslator('errors.signIn'))('unknownAddress'), { reason: 'UnknownAddress' })
  await signIn(values.provider ?? '', { redirectTo: safeReturnPath(values.callbackUrl) })
  return { ok: true }
}

/** Signs out of this browser. */
export async function signOutHere(values: Record<string, string>): Promise<Result> {
  await signOut({ redirectTo: safeReturnPath(values.returnTo) })
  return { ok: true }
}
