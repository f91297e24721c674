import type { Metadata } from 'next'
import { cacheLife, cacheTag } from 'next/cache'
import { notFound } from 'next/navigation'
import { PostArticle } from '@/app/_ui/post-article'
import { SiteHeader } from '@/app/_ui/site-header'
import { cacheTags } from '@/lib/cache/tags'
import { pagePath } from '@/lib/paths'
import { loadPageView } from '@/lib/posts/pages'
import { siteUrl } from '@/lib/public-address'

// Pages (About, Contact…): like a post without byline, date or comments. Cached like posts.
const BUILD_PLACEHOLDER = '-'

export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }]
}

async function loadPage(slug: string) {
  'use cache'
  cacheTag(cacheTags.post(slug), cacheTags.settings, cacheTags.people, cacheTags.listings)
  cacheLife('max')
  return loadPageView(slug)
}

type Props = { params: Promise<{ slug: string }> }

const viewFor = async (slug: string) => (slug === BUILD_PLACEHOLDER ? null : loadPage(slug))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await viewFor((await params).slug)
  if (!view) return {}
  return { title: `${view.page.title} – ${view.site.title}`, description: view.page.excerpt ?? undefined, alternates: { canonical: siteUrl(pagePath(view.page.slug)) } }
}

export default async function Page({ params }: Props) {
  const view = await viewFor((await params).slug)
  if (!view) notFound()
  return (
    <>
      <SiteHeader site={view.site} />
      <main id="main" className="page">
        <PostArticle post={view.page} />
      </main>
    </>
  )
}
