import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { DeleteAccountForm, FollowedPosts, MailChoicesForm, RenameForm } from '@/app/_ui/profile-forms'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { getCurrentUser } from '@/lib/auth/session'
import { loadMailChoices } from '@/lib/mail/choices'
import { signInPath } from '@/lib/paths'
import { signOutEverywhereAction } from './actions'

export const instant = false
export const metadata: Metadata = { title: 'Your profile', robots: { index: false } }

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getCurrentUser()
  if (!viewer) redirect(signInPath('/profile'))
  const query = await searchParams
  const saved = query.saved === '1'
  const choices = await loadMailChoices(viewer)
  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>Your profile</h1>
        {saved ? (
          <p role="status" className="notice">
            Saved. Your comments now show “{viewer.name}”.
          </p>
        ) : null}
        <section aria-labelledby="name-title">
          <h2 id="name-title">Name</h2>
          <RenameForm name={viewer.hasName ? viewer.name : ''} />
        </section>
        <section aria-labelledby="emails-title">
          <h2 id="emails-title">Emails</h2>
          {query.emails === 'saved' ? (
            <p role="status" className="notice">
              Your email choices are saved.
            </p>
          ) : null}
          {choices ? <MailChoicesForm choices={choices} /> : null}
          <h3>Conversations you follow</h3>
          {choices ? <FollowedPosts posts={choices.following} /> : null}
        </section>
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">Signing out</h2>
          <div className="paragraph">
            <SignOutButton /> of this browser, or end every session on every device:
          </div>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="button button--secondary">
              Sign out everywhere
            </button>
          </form>
        </section>
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">Delete your account</h2>
          <DeleteAccountForm />
        </section>
      </main>
      <SiteFooter site={site} />
    </>
  )
}
