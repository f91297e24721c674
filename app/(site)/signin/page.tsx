import type { Metadata } from 'next'
import { EmailSignInForm, ProviderSignInForm } from '@/app/_ui/email-sign-in-form'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { emailDelivery, oauthSignInMethods } from '@/lib/auth/providers'
import { safeReturnPath } from '@/lib/auth/redirects'
import { getCurrentUser } from '@/lib/auth/session'
import { UNKNOWN_ADDRESS_MESSAGE } from '@/lib/public-address'

export const instant = false
export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

const ERRORS: Record<string, string> = {
  Verification: 'That sign-in link has expired or has already been used. Ask for a new one below.',
  OAuthAccountNotLinked: 'That email address already signs in another way. Use the method you used before.',
  AccessDenied: 'Sign-in was refused: this account cannot sign in, or too many sign-in emails were asked for. Try again later.',
  UnknownAddress: UNKNOWN_ADDRESS_MESSAGE,
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams
  const callbackUrl = safeReturnPath(query.callbackUrl)
  const error = typeof query.error === 'string' ? (ERRORS[query.error] ?? 'Sign-in did not work. Please try again.') : null
  const viewer = await getCurrentUser()
  const methods = oauthSignInMethods()

  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>Sign in</h1>
        {viewer ? (
          <>
            <div className="paragraph">
              You are signed in as <strong>{viewer.name}</strong>. <a href={callbackUrl}>Continue</a> or{' '}
              <SignOutButton returnTo="/signin" />
            </div>
          </>
        ) : (
          <>
            <p>Sign in to join the conversation. Your email address is never published.</p>
            {error ? (
              <p role="alert" className="form-error">
                {error}
              </p>
            ) : null}
            <EmailSignInForm callbackUrl={callbackUrl} />
            {emailDelivery() === 'log' ? (
              <p className="notice">
                This blog has no mail server configured (SMTP_URL), so the sign-in link is printed in the server’s log
                instead of emailed.
              </p>
            ) : null}
            {methods.length > 0 ? (
              <>
                <h2 className="divider">Or sign in with</h2>
                <ul className="sign-in-methods">
                  {methods.map((m) => (
                    <li key={m.id}>
                      <ProviderSignInForm provider={m.id} name={m.name} callbackUrl={callbackUrl} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
