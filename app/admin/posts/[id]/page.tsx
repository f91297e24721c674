import { SiteLanguage } from '@/app/_ui/site-language'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PostEditor } from '@/app/_ui/post-editor'
import { requirePageCapability } from '@/lib/auth/guard'
import { pathOfKind } from '@/lib/paths'
import { formatDateTime, toLocalInput } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadPostForEditing } from '@/lib/posts/editing'
import { loadKeptForm } from '@/lib/forms/kept'
import { messagesFor, translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.editor', 'editPost')

const SAVED = ['save', 'publish', 'schedule', 'unpublish'] as const

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditPostPage({ params, searchParams }: Props) {
  const { id } = await params
  const raw = await searchParams
  const viewer = await requirePageCapability('posts.write', `/admin/posts/${id}`)
  const locale = await getSiteLocale()
  const post = await loadPostForEditing(viewer, Number(id))
  if (!post) notFound()
  const t = translator(locale.language, 'admin.editor')
  const savedAs = SAVED.find((intent) => intent === raw.saved)
  const saved = savedAs ? t(`saved.${savedAs}`) : undefined
  const kept = await loadKeptForm(viewer.id, raw.form)
  const status =
    post.status === 'scheduled' && post.publishedAt
      ? t('scheduledFor', { when: formatDateTime(post.publishedAt.toISOString(), locale), zone: locale.timeZone })
      : t(`status.${post.status}`)

  return (
    <main id="main" className="page page--wide">
      <h1>{post.kind === 'page' ? t('editPage') : t('editPost')}</h1>
      <p className="muted">
        {status}
        {post.status === 'published' ? (
          <>
            {' · '}
            <Link href={pathOfKind(post.kind, post.slug)}>{t('view', { kind: post.kind })}</Link>
          </>
        ) : (
          <>
            {' · '}
            <Link href={`/admin/posts/${post.id}/preview`}>{t('preview')}</Link>
          </>
        )}
        {' · '}
        <Link href={`/admin/posts/${post.id}/revisions`}>{t('revisions')}</Link>
      </p>
      {saved ? (
        <p role="status" className="notice">
          {saved}
        </p>
      ) : null}
      <SiteLanguage
        language={locale.language}
        timeZone={locale.timeZone}
        messages={messagesFor(locale.language, ['client', 'admin.editor', 'admin.upload'])}
      >
        <PostEditor
          initial={{
            id: post.id,
            kind: post.kind,
            title: post.title,
            slug: post.slug,
            body: post.body,
            excerpt: post.excerpt ?? '',
            tags: post.tags.join(', '),
            featuredImageUrl: post.featuredImageUrl ?? '',
            featuredImageAlt: post.featuredImageAlt ?? '',
            featuredImageCaption: post.featuredImageCaption ?? '',
            featuredImageCredit: post.featuredImageCredit ?? '',
            featuredImageCreditUrl: post.featuredImageCreditUrl ?? '',
            commentsOpen: post.commentsOpen,
            pinned: post.pinned,
            status: post.status,
            publishAt:
              post.status === 'scheduled' && post.publishedAt ? toLocalInput(post.publishedAt, locale.timeZone) : '',
            version: post.updatedAt.toISOString(),
          }}
          restored={kept}
          timeZone={locale.timeZone}
        />
      </SiteLanguage>
    </main>
  )
}
