import type { Metadata } from 'next'
import { cacheLife, cacheTag } from 'next/cache'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { SiteHeader } from '@/app/_ui/site-header'
import { cacheTags } from '@/lib/cache-tags'
import { formatDate } from '@/lib/dates'
import { loadHomeView } from '@/lib/posts/views'
import { commentCountLabel } from '@/lib/text'

// Only this placeholder is rendered at build time (Cache Components needs one); real pages render on
// their first request and are then served from the cache until a write invalidates their tags.
const BUILD_PLACEHOLDER = 'build'

export async function generateStaticParams() {
  return [{ page: BUILD_PLACEHOLDER }]
}

function parsePage(raw: string): number | null {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null
}

async function loadHome(page: number) {
  'use cache'
  // Comment counts change with every comment, which invalidates only its post: listings refresh
  // their counts at most a minute later instead.
  cacheLife({ stale: 60, revalidate: 60, expire: 86_400 })
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  return loadHomeView(page)
}

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePage((await params).page)
  const view = page ? await loadHome(page) : null
  if (!view) return {}
  const title = view.page > 1 ? `${view.site.title} – Page ${view.page}` : view.site.title
  return { title, description: view.site.tagline }
}

export default async function HomePage({ params }: Props) {
  const page = parsePage((await params).page)
  const view = page ? await loadHome(page) : null
  if (!view) notFound()

  return (
    <>
      <SiteHeader site={view.site} />
      <main id="main" className="page">
        <h1 className="visually-hidden">
          {view.page > 1 ? `${view.site.title}: older posts, page ${view.page}` : `${view.site.title}: latest posts`}
        </h1>
        {view.posts.length === 0 ? <p>Nothing has been published yet.</p> : null}
        {view.posts.map((post) => (
          <article key={post.slug} className="post-summary">
            <h2 className="post-summary__title">
              <Link href={`/posts/${post.slug}`}>{post.title}</Link>
            </h2>
            <p className="post-meta">
              <span>By {post.authorName}</span>
              {post.publishedAt ? (
                <>
                  {' · '}
                  <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>
                </>
              ) : null}
              {' · '}
              <Link href={`/posts/${post.slug}#comments`}>{commentCountLabel(post.commentCount)}</Link>
            </p>
            {post.excerpt ? <p className="post-summary__excerpt">{post.excerpt}</p> : null}
          </article>
        ))}
        {view.hasPrevious || view.hasNext ? (
          <nav className="pagination" aria-label="More posts">
            {view.hasNext ? (
              <Link rel="next" href={`/page/${view.page + 1}`}>
                Older posts
              </Link>
            ) : null}
            {view.hasPrevious ? (
              <Link rel="prev" href={view.page === 2 ? '/' : `/page/${view.page - 1}`}>
                Newer posts
              </Link>
            ) : null}
          </nav>
        ) : null}
      </main>
    </>
  )
}
