import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { loadUnconfirmedComment } from '@/lib/comments/written-first'
import { readOutcome } from '@/lib/forms/outcome'
import { postPath } from '@/lib/paths'
import { confirmCommentAction } from './actions'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('confirm', 'title', NOT_INDEXED)

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Opened from the confirmation mail. A GET changes nothing (a mail scanner may follow the link):
// the button posts the comment and signs its writer in.
export default async function ConfirmCommentPage({ searchParams }: Props) {
  const query = await searchParams
  const comment = await loadUnconfirmedComment(query.token)
  // Only a sentence the blog signed (lib/forms/outcome.ts): nobody can put their words on this page.
  const outcome = readOutcome(query)
  const refused = outcome?.kind === 'error' ? outcome.message : null
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'confirm')
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>{t('title')}</h1>
        {refused ? (
          <p role="alert" className="form-error">
            {refused}
          </p>
        ) : null}
        {comment ? (
          <form action={confirmCommentAction} className="stack">
            <input type="hidden" name="token" value={String(query.token)} />
            <p>
              {t.rich('yourComment', {
                link: () => <a href={postPath(comment.postSlug)}>“{comment.postTitle}”</a>,
                name: comment.name,
              })}
            </p>
            <blockquote className="mail-text">{comment.body}</blockquote>
            <p>{t('signsIn', { name: comment.name })}</p>
            <button type="submit" className="button">
              {t('post')}
            </button>
          </form>
        ) : refused ? null : (
          <p role="alert">{t('expired')}</p>
        )}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
