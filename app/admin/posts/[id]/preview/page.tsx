import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PostArticle } from '@/app/_ui/post-article'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadPostPreview } from '@/lib/posts/preview'
import { parseId } from '@/lib/params'

// A post as its public page would show it, whatever its status, for the people who may edit it.
export const instant = false
export const metadata: Metadata = { title: 'Preview', robots: { index: false } }

const STATUS: Record<string, string> = { draft: 'a draft', scheduled: 'scheduled', published: 'live', trash: 'in the trash' }

type Props = { params: Promise<{ id: string }> }

export default async function PreviewPage({ params }: Props) {
  const { id } = await params
  const viewer = await requirePageCapability('posts.write', `/admin/posts/${id}/preview`)
  const preview = parseId(id) ? await loadPostPreview(viewer, parseId(id)!) : null
  if (!preview) notFound()
  return (
    <>
      <p role="status" className="preview-banner">
        Preview: this post is {STATUS[preview.status] ?? preview.status}; only people who can edit it see this page.{' '}
        <Link href={`/admin/posts/${id}`}>Back to editing</Link>
      </p>
      <SiteHeader site={preview.site} />
      <main id="main" className="page">
        <PostArticle post={preview.post} locale={preview.site} />
      </main>
      <SiteFooter site={preview.site} />
    </>
  )
}
