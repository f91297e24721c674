import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'
import { CommentThread } from '@/app/_ui/comments/comment-thread'
import { RespondIsland, SignedInAs } from '@/app/_ui/comments/respond-island'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { PostArticle } from '@/app/_ui/post-article'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedPost } from '@/lib/public/cached'
import { siteUrl } from '@/lib/public-address'
import { commentPagePath, postPath, replyPath, threadPath } from '@/lib/paths'
import { blogPostingJsonLd } from '@/lib/posts/structured-data'
import type { CommentSelection, PostView } from '@/lib/posts/views'
import { formatDate } from '@/lib/dates'
import { siteLocaleOf, publicSiteInfo } from '@/lib/settings'
import { translator } from '@/lib/i18n'

// One renderer for a post (/posts/<slug>), the later pages of its comments
// (/posts/<slug>/comments/page/<n>) and a branch of them continued on its own
// (/posts/<slug>/thread/<id>), each cached (lib/public/cached.ts).

/** The only slug rendered at build time (Cache Components needs one); real posts render on first request. */
export const POST_BUILD_PLACEHOLDER = '-'

async function viewFor(slug: string, selection: CommentSelection | null) {
  if (slug === POST_BUILD_PLACEHOLDER || !selection) return null
  const { view, movedTo } = await cachedPost(slug, selection)
  if (movedTo) permanentRedirect(postPath(movedTo))
  return view
}

/** The address of what the view shows. */
function canonicalPath(view: PostView): string {
  if (view.thread) return threadPath(view.post.slug, view.thread.id)
  return commentPagePath(view.post.slug, view.commentPage)
}

export async function postPageMetadata(slug: string, selection: CommentSelection | null): Promise<Metadata> {
  const view = await viewFor(slug, selection)
  if (!view) return {}
  const description = view.post.excerpt ?? undefined
  const image = view.post.featuredImage
  const t = translator(view.site.language, 'post')
  const title = view.thread
    ? t('titles.thread', { post: view.post.title, author: view.thread.authorName, site: view.site.title })
    : view.commentPage > 1
      ? t('titles.commentPage', { post: view.post.title, page: view.commentPage, site: view.site.title })
      : t('titles.post', { post: view.post.title, site: view.site.title })
  return {
    title,
    description,
    openGraph: {
      type: 'article',
      title: view.post.title,
      description,
      siteName: view.site.title,
      publishedTime: view.post.publishedAt ?? undefined,
      authors: [view.post.authorName],
      images: image ? [{ url: siteUrl(image.url), alt: image.alt }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: view.post.title, description },
  }
}

function CommentPages({ view }: { view: PostView }) {
  const { commentPage: page, commentPageCount: count, post } = view
  if (count < 2) return null
  const t = translator(view.site.language, 'comments')
  return (
    <nav className="pagination comment-pages" aria-label={t('pages.label')}>
      {page > 1 ? (
        <Link rel="prev" href={`${commentPagePath(post.slug, page - 1)}#comments`}>
          {t('pages.earlier')}
        </Link>
      ) : null}
      <ol className="comment-pages__numbers">
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={`${commentPagePath(post.slug, n)}#comments`} aria-label={t('pages.page', { page: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < count ? (
        <Link rel="next" href={`${commentPagePath(post.slug, page + 1)}#comments`}>
          {t('pages.later')}
        </Link>
      ) : null}
    </nav>
  )
}

export async function PostPage({ slug, selection }: { slug: string; selection: CommentSelection | null }) {
  const view = await viewFor(slug, selection)
  if (!view) notFound()
  const { post, site, thread } = view
  const locale = siteLocaleOf(site)

  const shown = publicSiteInfo(site)
  const t = translator(site.language, 'comments')
  return (
    <>
      <SiteHeader site={shown} />
      <link rel="canonical" href={siteUrl(canonicalPath(view))} />
      <link
        rel="alternate"
        type="application/rss+xml"
        title={t('feed', { post: post.title, format: 'RSS' })}
        href={`${postPath(post.slug)}/comments/feed.xml`}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={t('feed', { post: post.title, format: 'Atom' })}
        href={`${postPath(post.slug)}/comments/feed.atom`}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={t('feed', { post: post.title, format: 'JSON Feed' })}
        href={`${postPath(post.slug)}/comments/feed.json`}
      />
      <main id="main" className="page">
        {thread ? null : (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: blogPostingJsonLd(view) }} />
        )}
        {thread ? (
          <p>
            <Link href={postPath(post.slug)}>{t('backToPost', { post: post.title })}</Link>
          </p>
        ) : (
          <PostArticle
            post={post}
            locale={locale}
            older={view.older}
            newer={view.newer}
            related={view.related}
            commentCount={view.commentCount}
          />
        )}

        <section id="comments" className="comments" aria-labelledby="comments-title">
          {thread ? (
            <h1 id="comments-title">{t('threadTitle', { author: thread.authorName, post: post.title })}</h1>
          ) : (
            <h2 id="comments-title">
              {t('heading', { count: view.commentCount, post: post.title })}
              {view.commentPage > 1 ? (
                <span className="visually-hidden">{t('headingPage', { page: view.commentPage })}</span>
              ) : null}
            </h2>
          )}
          <CommentPages view={view} />
          {view.comments.length > 0 ? (
            <CommentThread comments={view.comments} slug={post.slug} postId={post.id} locale={locale} />
          ) : (
            <p>{t('beFirst')}</p>
          )}
          <CommentPages view={view} />
        </section>

        {view.mentions.length > 0 ? (
          <section id="mentions" className="mentions" aria-labelledby="mentions-title">
            <h2 id="mentions-title">{t('mentions.count', { count: view.mentions.length })}</h2>
            <ul className="mentions__list">
              {view.mentions.map((m) => (
                <li key={m.id}>
                  {t.rich('mentions.item', {
                    link: () => (
                      <a href={m.url} rel="nofollow ugc noopener">
                        {m.title}
                      </a>
                    ),
                    site: () => (m.site ? <span className="mentions__site"> ({m.site})</span> : null),
                    date: () => <time dateTime={m.date}>{formatDate(m.date, locale)}</time>,
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {thread ? (
          <p>
            <Link href={`${postPath(post.slug)}#comments`}>{t('allComments', { post: post.title })}</Link>
          </p>
        ) : (
          <section id="respond" className="respond" aria-labelledby="respond-title">
            <h2 id="respond-title">{t('leaveReply')}</h2>
            <RespondIsland postId={post.id} slug={post.slug} commentsOpen={post.commentsOpen} locale={locale}>
              <div className="respond__who">
                <SignedInAs />
                <SignOutButton language={site.language} returnTo={`${postPath(post.slug)}#respond`} />{' '}
                {t('emailPrivate')}
              </div>
            </RespondIsland>
            <noscript>
              <p>{t.rich('noScript', { link: (chunks) => <a href={replyPath(post.slug)}>{chunks}</a> })}</p>
            </noscript>
            <p>
              <Link href="/">{t('backToAll')}</Link>
            </p>
          </section>
        )}
      </main>
      <SiteFooter site={shown} />
    </>
  )
}
