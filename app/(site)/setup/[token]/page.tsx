import type { Metadata } from 'next'
import { ClaimOwnershipForm } from '@/app/_ui/claim-ownership-form'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { getCurrentUser } from '@/lib/auth/session'
import { signInPath } from '@/lib/paths'
import { configuredOrigin, localOrigin } from '@/lib/public-address'

export const instant = false
export const metadata: Metadata = { title: 'Become the owner', robots: { index: false } }

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const viewer = await getCurrentUser()
  // A suggestion for the owner to confirm or correct — this machine's address, never the request's
  // Host, which whoever sends the request writes.
  const suggestedAddress = configuredOrigin() ? null : localOrigin()
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--narrow">
        <h1>Become the owner of this blog</h1>
        {viewer ? (
          <>
            <p>
              You are signed in as <strong>{viewer.name}</strong>. The owner is the blog’s first admin: they run the blog and
              can make others editors or admins.
            </p>
            <ClaimOwnershipForm token={token} suggestedAddress={suggestedAddress} />
          </>
        ) : (
          <p>
            <a href={signInPath(`/setup/${token}`)}>Sign in</a> with the account that should own this blog; you will come
            back here to confirm.
          </p>
        )}
      </main>
      <SiteFooter />
    </>
  )
}
