import { POST_BUILD_PLACEHOLDER, PostPage, postPageMetadata } from '@/app/_ui/post-page'

export async function generateStaticParams() {
  return [{ slug: POST_BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props) {
  return postPageMetadata((await params).slug, { page: 1 })
}

export default async function PostFirstPage({ params }: Props) {
  return <PostPage slug={(await params).slug} selection={{ page: 1 }} />
}
