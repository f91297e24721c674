import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CommentForm } from '@/app/_ui/comments/comment-form'
import { GuestCommentForm } from '@/app/_ui/comments/guest-comment-form'
import { loadKeptForm } from '@/lib/kept-forms'
import { OwnComments } from '@/app/_ui/comments/own-comments'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { getCurrentUser } from '@/lib/auth/session'
import { dateSettingsOf } from '@/lib/settings'
import { postPath, replyPath, signInPath } from '@/lib/paths'
import { loadReplyPage } from '@/lib/comments/reply-page'

// Rendered whole for each request (it is per person), so it works without JavaScript: this is where
// a reply link leads before the page's script takes over, and where a held comment is shown.
export const instant = false

export const metadata: Metadata = { title: 'Leave a Reply', robots: { index: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ReplyPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const view = await loadReplyPage(await getCurrentUser(), slug, { to: query.to, edit: query.edit, draft: query.draft })
  if (!view) notFound()
  const { post, respond, refused } = view
  const carried = refused ? { message: refused.message, body: refused.body } : null
  const here = replyPath(post.slug, { to: respond.replyTo?.id, edit: respond.editing?.id })
  const heading = respond.editing ? 'Edit your comment' : respond.replyTo ? `Reply to ${respond.replyTo.authorName}` : 'Leave a Reply'

  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page">
        <p>
          <Link href={postPath(post.slug)}>← {post.title}</Link>
        </p>
        <section id="respond" className="respond respond--page" aria-labelledby="respond-title">
          <h1 id="respond-title">{heading}</h1>
          {query.held ? (
            <p role="status" className="notice">
              Thank you — your comment is awaiting moderation. It will appear on the post once it is approved.
            </p>
          ) : null}
          {respond.replyTo ? (
            <p>
              Replying to <a href={`${postPath(post.slug)}#comment-${respond.replyTo.id}`}>{respond.replyTo.authorName}’s comment</a>.
            </p>
          ) : null}
          {!post.commentsOpen ? (
            <p>Comments are closed on this post.</p>
          ) : !respond.viewer ? (
            <>
              {query.kept ? (
                <p role="status" className="notice">
                  Check your email: we sent you a link to confirm your comment. It is kept for 7 days and shown to no one until you do.
                </p>
              ) : null}
              <GuestCommentForm
                postId={post.id}
                slug={post.slug}
                parentId={respond.replyTo?.id ?? null}
                label={respond.replyTo ? `Reply to ${respond.replyTo.authorName}` : 'Comment'}
                restored={await loadKeptForm(null, query.form)}
              />
              <p>
                Have an account? <a href={signInPath(here)}>Sign in to leave a reply</a>. Your email address is never published.
              </p>
            </>
          ) : respond.viewer.banned ? (
            <p role="status">Your account can no longer comment on this blog.</p>
          ) : (
            <>
              <div className="respond__who">
                Signed in as <strong>{respond.viewer.name}</strong>. <SignOutButton returnTo={here} /> Your email address is
                never published.
              </div>
              {respond.editing ? (
                <CommentForm
                  postId={post.id}
                  formToken={respond.formToken}
                  authorName={respond.viewer.name}
                  edit={{ commentId: respond.editing.id, body: respond.editing.body }}
                  label="Your comment"
                  refused={carried}
                />
              ) : (
                <CommentForm
                  postId={post.id}
                  parentId={respond.replyTo?.id ?? null}
                  formToken={respond.formToken}
                  authorName={respond.viewer.name}
                  label={respond.replyTo ? `Reply to ${respond.replyTo.authorName}` : 'Comment'}
                  refused={carried}
                  askName={!respond.viewer.hasName}
                />
              )}
            </>
          )}
          <OwnComments slug={post.slug} comments={respond.ownComments} dates={dateSettingsOf(site)} />
        </section>
      </main>
      <SiteFooter site={site} />
    </>
  )
}
