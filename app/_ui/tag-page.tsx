import type { Metadata } from 'next'
import { cacheLife, cacheTag } from 'next/cache'
import { notFound } from 'next/navigation'
import { cacheTags } from '@/lib/cache-tags'
import { loadTagView } from '@/lib/posts/views'
import { PostList } from './post-list'
import { SiteHeader } from './site-header'

// One renderer for /tags/<slug> and /tags/<slug>/page/<n>, both cached like the home page.

export const TAG_BUILD_PLACEHOLDER = '-'

async function loadTag(slug: string, page: number) {
  'use cache'
  cacheLife({ stale: 60, revalidate: 60, expire: 86_400 })
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  return loadTagView(slug, page)
}

const tagPath = (slug: string, page: number) => (page === 1 ? `/tags/${slug}` : `/tags/${slug}/page/${page}`)

export async function tagMetadata(slug: string, page: number | null): Promise<Metadata> {
  const view = slug !== TAG_BUILD_PLACEHOLDER && page ? await loadTag(slug, page) : null
  if (!view) return {}
  const title = `Posts tagged “${view.tag.name}”${view.page > 1 ? `, page ${view.page}` : ''} – ${view.site.title}`
  return { title, description: `Everything on ${view.site.title} tagged “${view.tag.name}”, newest first.` }
}

export async function TagPage({ slug, page }: { slug: string; page: number | null }) {
  const view = slug !== TAG_BUILD_PLACEHOLDER && page ? await loadTag(slug, page) : null
  if (!view) notFound()
  return (
    <>
      <SiteHeader site={view.site} />
      <link rel="alternate" type="application/rss+xml" title={`Posts tagged “${view.tag.name}” (RSS)`} href={`/tags/${view.tag.slug}/feed.xml`} />
      <main id="main" className="page">
        <h1>
          Posts tagged “{view.tag.name}”{view.page > 1 ? `, page ${view.page}` : ''}
        </h1>
        <PostList {...view} pagePath={(n) => tagPath(view.tag.slug, n)} />
      </main>
    </>
  )
}
