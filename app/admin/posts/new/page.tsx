import type { Metadata } from 'next'
import { PostEditor } from '@/app/_ui/post-editor'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadKeptForm } from '@/lib/kept-forms'
import { getSiteLocale } from '@/lib/settings'

export const instant = false
export const metadata: Metadata = { title: 'New post or page' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** A new post, or with ?kind=page a new page (About, Contact…). */
export default async function NewPostPage({ searchParams }: Props) {
  const query = await searchParams
  const kind = query.kind === 'page' ? 'page' : 'post'
  const viewer = await requirePageCapability('posts.write', kind === 'page' ? '/admin/posts/new?kind=page' : '/admin/posts/new')
  return (
    <main id="main" className="page page--wide">
      <h1>{kind === 'page' ? 'New page' : 'New post'}</h1>
      <PostEditor
        initial={{
          id: null,
          kind,
          title: '',
          slug: '',
          body: '',
          excerpt: '',
          tags: '',
          featuredImageUrl: '',
          featuredImageAlt: '',
          featuredImageCaption: '',
          featuredImageCredit: '',
          featuredImageCreditUrl: '',
          commentsOpen: kind === 'post',
          pinned: false,
          status: 'draft',
          publishAt: '',
          version: '',
        }}
        restored={await loadKeptForm(viewer.id, query.form)}
        timeZone={(await getSiteLocale()).timeZone}
      />
    </main>
  )
}
