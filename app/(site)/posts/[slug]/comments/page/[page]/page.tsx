import { POST_BUILD_PLACEHOLDER, PostPage, postPageMetadata } from '@/app/_ui/post-page'
import { parseLaterPage } from '@/lib/params'

// Later pages of a post's comments; page 1 is the post itself.
export async function generateStaticParams() {
  return [{ slug: POST_BUILD_PLACEHOLDER, page: '2' }]
}

type Props = { params: Promise<{ slug: string; page: string }> }

const selection = (raw: string) => (parseLaterPage(raw) ? { page: parseLaterPage(raw)! } : null)

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params
  return postPageMetadata(slug, selection(page))
}

export default async function PostCommentsPage({ params }: Props) {
  const { slug, page } = await params
  return <PostPage slug={slug} selection={selection(page)} />
}
