import type { ReactNode } from 'react'
import { ClaimOwnershipForm } from '@/app/_ui/claim-ownership-form'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { getCurrentUser } from '@/lib/auth/session'
import { translator } from '@/lib/i18n'
import { signInPath } from '@/lib/paths'
import { configuredOrigin, localOrigin } from '@/lib/public-address'
import { getSiteLocale } from '@/lib/settings'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('setup', 'title', NOT_INDEXED)

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const viewer = await getCurrentUser()
  const t = translator((await getSiteLocale()).language, 'setup')
  // A suggestion for the owner to confirm or correct — this machine's address, never the request's
  // Host, which whoever sends the request writes.
  const suggestedAddress = configuredOrigin() ? null : localOrigin()
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--narrow">
        <h1>{t('heading')}</h1>
        {viewer ? (
          <>
            <p>{t.rich('signedIn', { name: viewer.name, strong: (chunks: ReactNode) => <strong>{chunks}</strong> })}</p>
            <ClaimOwnershipForm
              token={token}
              suggestedAddress={suggestedAddress}
              words={{ address: t('address'), addressHelp: t('addressHelp'), button: t('button') }}
            />
          </>
        ) : (
          <p>
            {t.rich('signIn', { link: (chunks: ReactNode) => <a href={signInPath(`/setup/${token}`)}>{chunks}</a> })}
          </p>
        )}
      </main>
      <SiteFooter />
    </>
  )
}
