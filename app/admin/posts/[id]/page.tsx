import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PostEditor } from '@/app/_ui/post-editor'
import { requirePageCapability } from '@/lib/auth/guard'
import { pathOfKind } from '@/lib/paths'
import { formatDateTime, toLocalInput } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadPostForEditing } from '@/lib/posts/editing'
import { loadKeptForm } from '@/lib/kept-forms'

export const instant = false
export const metadata: Metadata = { title: 'Edit post' }

const SAVED: Record<string, string> = {
  save: 'Saved.',
  publish: 'Published.',
  schedule: 'Scheduled.',
  unpublish: 'Unpublished: the post is a draft again.',
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditPostPage({ params, searchParams }: Props) {
  const { id } = await params
  const raw = await searchParams
  const viewer = await requirePageCapability('posts.write', `/admin/posts/${id}`)
  const locale = await getSiteLocale()
  const post = await loadPostForEditing(viewer, Number(id))
  if (!post) notFound()
  const saved = typeof raw.saved === 'string' ? SAVED[raw.saved] : undefined
  const kept = await loadKeptForm(viewer.id, raw.form)
  const status =
    post.status === 'scheduled' && post.publishedAt
      ? `Scheduled for ${formatDateTime(post.publishedAt.toISOString(), locale)} (${locale.timeZone})`
      : { draft: 'Draft', published: 'Published', trash: 'In the trash', scheduled: 'Scheduled' }[post.status]

  return (
    <main id="main" className="page page--wide">
      <h1>{post.kind === 'page' ? 'Edit page' : 'Edit post'}</h1>
      <p className="muted">
        {status}
        {post.status === 'published' ? (
          <>
            {' · '}
            <Link href={pathOfKind(post.kind, post.slug)}>View the {post.kind}</Link>
          </>
        ) : (
          <>
            {' · '}
            <Link href={`/admin/posts/${post.id}/preview`}>Preview</Link>
          </>
        )}
        {' · '}
        <Link href={`/admin/posts/${post.id}/revisions`}>Revisions</Link>
      </p>
      {saved ? (
        <p role="status" className="notice">
          {saved}
        </p>
      ) : null}
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
          publishAt: post.status === 'scheduled' && post.publishedAt ? toLocalInput(post.publishedAt, locale.timeZone) : '',
          version: post.updatedAt.toISOString(),
        }}
        restored={kept}
        timeZone={locale.timeZone}
      />
    </main>
  )
}
