import type { Metadata } from 'next'
import { cacheLife, cacheTag } from 'next/cache'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'
import { CommentThread } from '@/app/_ui/comments/comment-thread'
import { RespondIsland, SignedInAs } from '@/app/_ui/comments/respond-island'
import { SignOutButton } from '@/app/_ui/sign-out-button'
import { PostMeta } from '@/app/_ui/post-meta'
import { SiteHeader } from '@/app/_ui/site-header'
import { cacheTags } from '@/lib/cache-tags'
import { postPath, replyPath } from '@/lib/comments/paths'
import { blogPostingJsonLd } from '@/lib/posts/structured-data'
import { findMovedPost, loadPostView } from '@/lib/posts/views'
import { commentCountLabel } from '@/lib/text'

// Only this placeholder is rendered at build time (Cache Components needs one); real posts render on
// their first request and are then served from the cache until a write invalidates their tag.
const BUILD_PLACEHOLDER = '-'

export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }]
}

async function loadPost(slug: string) {
  'use cache'
  cacheTag(cacheTags.post(slug), cacheTags.settings, cacheTags.people)
  const view = await loadPostView(slug)
  if (view) {
    cacheLife('max')
    return { view, movedTo: null }
  }
  // Nothing here (yet): look again within a minute, so a scheduled post shows up on its own time.
  cacheLife({ stale: 60, revalidate: 60, expire: 300 })
  return { view: null, movedTo: await findMovedPost(slug) }
}

type Props = { params: Promise<{ slug: string }> }

async function viewFor(params: Props['params']) {
  const { slug } = await params
  if (slug === BUILD_PLACEHOLDER) return null
  const { view, movedTo } = await loadPost(slug)
  if (movedTo) permanentRedirect(postPath(movedTo))
  return view
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await viewFor(params)
  if (!view) return {}
  const description = view.post.excerpt ?? undefined
  const image = view.post.featuredImage
  return {
    title: `${view.post.title} – ${view.site.title}`,
    description,
    openGraph: {
      type: 'article',
      title: view.post.title,
      description,
      siteName: view.site.title,
      publishedTime: view.post.publishedAt ?? undefined,
      authors: [view.post.authorName],
      images: image ? [{ url: image.url, alt: image.alt }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: view.post.title, description },
  }
}

export default async function PostPage({ params }: Props) {
  const view = await viewFor(params)
  if (!view) notFound()
  const { post, site } = view
  const image = post.featuredImage

  return (
    <>
      <SiteHeader site={site} />
      <link rel="canonical" href={postPath(post.slug)} />
      <link rel="alternate" type="application/rss+xml" title={`Comments on “${post.title}” (RSS)`} href={`${postPath(post.slug)}/comments/feed.xml`} />
      <main id="main" className="page">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: blogPostingJsonLd(view) }} />
        <article className="post">
          <header className="post__header">
            <h1 className="post__title">{post.title}</h1>
            <PostMeta authorName={post.authorName} publishedAt={post.publishedAt}>
              {' · '}
              <span>{post.readingMinutes} min read</span>
              {' · '}
              <a href="#comments">{commentCountLabel(view.commentCount)}</a>
            </PostMeta>
          </header>
          {image ? (
            <figure className="post__image">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local file served as is; no optimizer round-trip */}
              <img src={image.url} alt={image.alt} width={1200} height={630} fetchPriority="high" decoding="async" />
              {image.caption || image.credit ? (
                <figcaption>
                  {image.caption ? <span>{image.caption} </span> : null}
                  {image.credit ? (
                    <span className="post__credit">
                      Image credit:{' '}
                      {image.creditUrl ? <a href={image.creditUrl}>{image.credit}</a> : image.credit}
                    </span>
                  ) : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          <div className="post__body prose" dangerouslySetInnerHTML={{ __html: post.html }} />
          {post.tags.length > 0 ? (
            <footer className="post__footer">
              <h2 className="visually-hidden">Tags</h2>
              <ul className="tags">
                {post.tags.map((tag) => (
                  <li key={tag.slug}>
                    <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
                  </li>
                ))}
              </ul>
            </footer>
          ) : null}
        </article>

        <section id="comments" className="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">
            {commentCountLabel(view.commentCount)} on “{post.title}”
          </h2>
          {view.comments.length > 0 ? (
            <CommentThread comments={view.comments} slug={post.slug} postId={post.id} />
          ) : (
            <p>Be the first to reply.</p>
          )}
        </section>

        <section id="respond" className="respond" aria-labelledby="respond-title">
          <h2 id="respond-title">Leave a Reply</h2>
          <RespondIsland postId={post.id} slug={post.slug} commentsOpen={post.commentsOpen}>
            <div className="respond__who">
              <SignedInAs />
              <SignOutButton returnTo={`${postPath(post.slug)}#respond`} /> Your email address is never published.
            </div>
          </RespondIsland>
          <noscript>
            <p>
              Signed in already? <a href={replyPath(post.slug)}>Write your reply</a>.
            </p>
          </noscript>
          <p>
            <Link href="/">← Back to all posts</Link>
          </p>
        </section>
      </main>
    </>
  )
}
