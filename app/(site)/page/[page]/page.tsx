import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostList } from '@/app/_ui/post-list'
import { publicSiteInfo } from '@/lib/settings'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedHome } from '@/lib/public/cached'
import { parsePage } from '@/lib/params'

// Only this placeholder is rendered at build time (Cache Components needs one); real pages render on
// their first request and are then served from the cache until a write invalidates their tags.
const BUILD_PLACEHOLDER = 'build'

export async function generateStaticParams() {
  return [{ page: BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePage((await params).page)
  const view = page ? await cachedHome(page) : null
  if (!view) return {}
  const title = view.page > 1 ? `${view.site.title} – Page ${view.page}` : view.site.title
  return { title, description: view.site.tagline }
}

export default async function HomePage({ params }: Props) {
  const page = parsePage((await params).page)
  const view = page ? await cachedHome(page) : null
  if (!view) notFound()

  const shown = publicSiteInfo(view.site)
  return (
    <>
      <SiteHeader site={shown} />
      <main id="main" className="page">
        <h1 className="visually-hidden">
          {view.page > 1 ? `${view.site.title}: older posts, page ${view.page}` : `${view.site.title}: latest posts`}
        </h1>
        <PostList {...view} pagePath={(n) => (n === 1 ? '/' : `/page/${n}`)} />
      </main>
      <SiteFooter site={shown} />
    </>
  )
}
