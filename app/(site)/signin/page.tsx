import { EmailSignInForm, ProviderSignInForm } from '@/app/_ui/email-sign-in-form'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { emailDelivery, oauthSignInMethods } from '@/lib/auth/providers'
import { safeReturnPath } from '@/lib/auth/redirects'
import { getCurrentUser } from '@/lib/auth/session'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('signIn', 'title', NOT_INDEXED)

/** Auth.js's reasons for sending someone back here, and ours (lib/auth/). */
const ERRORS = ['Verification', 'OAuthAccountNotLinked', 'AccessDenied', 'UnknownAddress'] as const
const isKnownError = (code: string): code is (typeof ERRORS)[number] => (ERRORS as readonly string[]).includes(code)

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams
  const callbackUrl = safeReturnPath(query.callbackUrl)
  const viewer = await getCurrentUser()
  const methods = oauthSignInMethods()
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'signIn')
  const error =
    typeof query.error === 'string'
      ? isKnownError(query.error)
        ? t(`errors.${query.error}`)
        : t('errors.other')
      : null
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>{t('title')}</h1>
        {viewer ? (
          <>
            <div className="paragraph">
              {t.rich('signedIn', {
                name: () => <strong>{viewer.name}</strong>,
                link: (chunks) => <a href={callbackUrl}>{chunks}</a>,
              })}{' '}
              <SignOutButton language={site.language} returnTo="/signin" />
            </div>
          </>
        ) : (
          <>
            <p>{t('intro')}</p>
            {error ? (
              <p role="alert" className="form-error">
                {error}
              </p>
            ) : null}
            <EmailSignInForm callbackUrl={callbackUrl} />
            {emailDelivery() === 'log' ? <p className="notice">{t('noMailServer')}</p> : null}
            {methods.length > 0 ? (
              <>
                <h2 className="divider">{t('orWith')}</h2>
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
