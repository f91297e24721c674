import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PostArticle } from '@/app/_ui/post-article'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadPostPreview } from '@/lib/posts/preview'
import { parseId } from '@/lib/params'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

// A post as its public page would show it, whatever its status, for the people who may edit it.
export const instant = false
export const generateMetadata = titled('admin.preview', 'title', NOT_INDEXED)

type Props = { params: Promise<{ id: string }> }

export default async function PreviewPage({ params }: Props) {
  const { id } = await params
  const viewer = await requirePageCapability('posts.write', `/admin/posts/${id}/preview`)
  const preview = parseId(id) ? await loadPostPreview(viewer, parseId(id)!) : null
  if (!preview) notFound()
  const t = translator(preview.site.language, 'admin.preview')
  return (
    <>
      <p role="status" className="preview-banner">
        {t('banner', { status: preview.status })} <Link href={`/admin/posts/${id}`}>{t('back')}</Link>
      </p>
      <SiteHeader site={preview.site} />
      <main id="main" className="page">
        <PostArticle post={preview.post} locale={preview.site} />
      </main>
      <SiteFooter site={preview.site} />
    </>
  )
}
