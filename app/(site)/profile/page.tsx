import { redirect } from 'next/navigation'
import { DeleteAccountForm, FollowedPosts, MailChoicesForm, RenameForm } from '@/app/_ui/profile-forms'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { getCurrentUser } from '@/lib/auth/session'
import { loadMailChoices } from '@/lib/mail/choices'
import { signInPath } from '@/lib/paths'
import { signOutEverywhereAction } from './actions'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('profile', 'title', NOT_INDEXED)

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const viewer = await getCurrentUser()
  if (!viewer) redirect(signInPath('/profile'))
  const query = await searchParams
  const saved = query.saved === '1'
  const choices = await loadMailChoices(viewer)
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'profile')
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>{t('title')}</h1>
        {saved ? (
          <p role="status" className="notice">
            {t('saved', { name: viewer.name })}
          </p>
        ) : null}
        <section aria-labelledby="name-title">
          <h2 id="name-title">{t('name')}</h2>
          <RenameForm name={viewer.hasName ? viewer.name : ''} />
        </section>
        <section aria-labelledby="emails-title">
          <h2 id="emails-title">{t('emails')}</h2>
          {query.emails === 'saved' ? (
            <p role="status" className="notice">
              {t('emailsSaved')}
            </p>
          ) : null}
          {choices ? <MailChoicesForm choices={choices} /> : null}
          <h3>{t('following')}</h3>
          {choices ? <FollowedPosts posts={choices.following} /> : null}
        </section>
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('signingOut')}</h2>
          <div className="paragraph">
            <SignOutButton language={site.language} /> {t('signOutHere')}
          </div>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="button button--secondary">
              {t('signOutEverywhere')}
            </button>
          </form>
        </section>
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('delete')}</h2>
          <DeleteAccountForm />
        </section>
      </main>
      <SiteFooter site={site} />
    </>
  )
}
