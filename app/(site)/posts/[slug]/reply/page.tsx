import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CommentForm } from '@/app/_ui/comments/comment-form'
import { GuestCommentForm } from '@/app/_ui/comments/guest-comment-form'
import { OwnComments } from '@/app/_ui/comments/own-comments'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { getCurrentUser } from '@/lib/auth/session'
import { siteLocaleOf } from '@/lib/settings'
import { postPath, replyPath, signInPath } from '@/lib/paths'
import { loadReplyPage } from '@/lib/comments/reply-page'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

// Rendered whole for each request (it is per person), so it works without JavaScript: this is where
// a reply link leads before the page's script takes over, and where a held comment is shown.
export const instant = false

export const generateMetadata = titled('comments', 'leaveReply', NOT_INDEXED)

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ReplyPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  // A refused form comes back by ?form= (?draft= from before comments' forms were kept like the others).
  const view = await loadReplyPage(await getCurrentUser(), slug, {
    to: query.to,
    edit: query.edit,
    form: query.form ?? query.draft,
  })
  if (!view) notFound()
  const { post, respond, restored } = view
  const here = replyPath(post.slug, { to: respond.replyTo?.id, edit: respond.editing?.id })
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'comments')
  const replyLabel = respond.replyTo ? t('replyTo', { author: respond.replyTo.authorName }) : undefined
  const heading = respond.editing ? t('editYours') : (replyLabel ?? t('leaveReply'))

  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page">
        <p>
          <Link href={postPath(post.slug)}>{t('backToPost', { post: post.title })}</Link>
        </p>
        <section id="respond" className="respond respond--page" aria-labelledby="respond-title">
          <h1 id="respond-title">{heading}</h1>
          {query.held ? (
            <p role="status" className="notice">
              {t('held')}
            </p>
          ) : null}
          {respond.replyTo ? (
            <p>
              {t.rich('replyingTo', {
                author: respond.replyTo.authorName,
                link: (chunks) => <a href={`${postPath(post.slug)}#comment-${respond.replyTo!.id}`}>{chunks}</a>,
              })}
            </p>
          ) : null}
          {!post.commentsOpen ? (
            <p>{t('closed')}</p>
          ) : !respond.viewer ? (
            <>
              {query.kept ? (
                <p role="status" className="notice">
                  {t('kept')}
                </p>
              ) : null}
              <GuestCommentForm
                postId={post.id}
                slug={post.slug}
                parentId={respond.replyTo?.id ?? null}
                label={replyLabel}
                restored={restored}
                formToken={respond.formToken}
              />
              <p>{t.rich('signInToReply', { link: (chunks) => <a href={signInPath(here)}>{chunks}</a> })}</p>
            </>
          ) : respond.viewer.banned ? (
            <p role="status">{t('banned')}</p>
          ) : (
            <>
              <div className="respond__who">
                {t.rich('signedInAs', { name: () => <strong>{respond.viewer!.name}</strong> })}{' '}
                <SignOutButton language={site.language} returnTo={here} /> {t('emailPrivate')}
              </div>
              {respond.editing ? (
                <CommentForm
                  postId={post.id}
                  formToken={respond.formToken}
                  authorName={respond.viewer.name}
                  edit={{ commentId: respond.editing.id, body: respond.editing.body }}
                  label={t('yourComment')}
                  restored={restored}
                />
              ) : (
                <CommentForm
                  postId={post.id}
                  parentId={respond.replyTo?.id ?? null}
                  formToken={respond.formToken}
                  authorName={respond.viewer.name}
                  label={replyLabel}
                  restored={restored}
                  askName={!respond.viewer.hasName}
                />
              )}
            </>
          )}
          <OwnComments slug={post.slug} comments={respond.ownComments} locale={siteLocaleOf(site)} />
        </section>
      </main>
      <SiteFooter site={site} />
    </>
  )
}
