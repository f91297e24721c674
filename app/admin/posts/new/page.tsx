import type { Metadata } from 'next'
import { PostEditor } from '@/app/_ui/post-editor'
import { requirePageCapability } from '@/lib/auth/guard'

export const instant = false
export const metadata: Metadata = { title: 'New post' }

export default async function NewPostPage() {
  await requirePageCapability('posts.write', '/admin/posts/new')
  return (
    <main id="main" className="page page--wide">
      <h1>New post</h1>
      <PostEditor
        initial={{
          id: null,
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
          commentsOpen: true,
          status: 'draft',
          publishAt: '',
          version: '',
        }}
      />
    </main>
  )
}
