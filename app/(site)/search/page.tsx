import type { Metadata } from 'next'
import Link from 'next/link'
import { PostMeta } from '@/app/_ui/post-meta'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { postPath } from '@/lib/paths'
import { cachedSearch } from '@/lib/public/cached'
import { loadSearchView, searchTerms, SEARCH_LIMITED, type SearchView } from '@/lib/posts/search'
import { allow } from '@/lib/rate-limits'
import { clientIp } from '@/lib/request'
import { commentCountLabel } from '@/lib/text'

// Rendered for each request (results depend on the query); a plain GET form, so it works without
// JavaScript. Result pages are not for search engines. Results are cached for a minute per set of
// words (however they were typed), and each client may search a limited number of times a minute.
export const instant = false

async function search(q: unknown, page: unknown): Promise<SearchView> {
  const typed = typeof q === 'string' ? q.trim() : ''
  const words = searchTerms(typed).join(' ')
  if (!words) return loadSearchView(typed, undefined)
  if (!(await allow('searchesPerClient', await clientIp()))) return { ...(await loadSearchView('', undefined)), query: typed, notice: SEARCH_LIMITED }
  return { ...(await cachedSearch(words, typeof page === 'string' ? page : undefined)), query: typed.slice(0, 200) }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = await searchParams
  const query = typeof q === 'string' ? q.trim().slice(0, 80) : ''
  return { title: query ? `Search results for “${query}”` : 'Search', robots: { index: false } }
}

const searchPath = (query: string, page: number) => `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const view = await search(params.q, params.page)
  const searched = view.query !== '' && view.notice === null

  return (
    <>
      <SiteHeader site={view.site} query={view.query} />
      <main id="main" className="page">
        <h1>{searched ? `Search results for “${view.query}”` : 'Search'}</h1>
        {view.notice ? (
          <p role="status" className="notice">
            {view.notice}
          </p>
        ) : null}
        {!searched ? (
          <p>Type a few words into the search box above — titles, excerpts and whole posts are searched.</p>
        ) : view.results.length === 0 ? (
          <p role="status">
            {view.page > 1 ? 'There are no more results.' : 'Nothing matched every word. Try fewer or different words.'}{' '}
            <Link href="/">Browse the latest posts</Link>.
          </p>
        ) : (
          <ol className="search-results">
            {view.results.map((post) => (
              <li key={post.slug} className="post-summary">
                <h2 className="post-summary__title">
                  <Link href={postPath(post.slug)}>{post.title}</Link>
                </h2>
                <PostMeta authorName={post.authorName} authorSlug={post.authorSlug} publishedAt={post.publishedAt} dates={view.site}>
                  {' · '}
                  <Link href={`${postPath(post.slug)}#comments`}>{commentCountLabel(post.commentCount)}</Link>
                </PostMeta>
                <p className="search-results__snippet" dangerouslySetInnerHTML={{ __html: post.snippetHtml }} />
              </li>
            ))}
          </ol>
        )}
        {view.hasPrevious || view.hasNext ? (
          <nav className="pagination" aria-label="More results">
            {view.hasNext ? (
              <Link rel="next" href={searchPath(view.query, view.page + 1)}>
                More results
              </Link>
            ) : null}
            {view.hasPrevious ? (
              <Link rel="prev" href={searchPath(view.query, view.page - 1)}>
                Previous results
              </Link>
            ) : null}
          </nav>
        ) : null}
      </main>
      <SiteFooter site={view.site} />
    </>
  )
}
