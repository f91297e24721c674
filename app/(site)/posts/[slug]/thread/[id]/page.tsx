import { POST_BUILD_PLACEHOLDER, PostPage, postPageMetadata } from '@/app/_ui/post-page'
import { parseId } from '@/lib/params'

// A deep branch of a post's comments, continued on its own page.
export async function generateStaticParams() {
  return [{ slug: POST_BUILD_PLACEHOLDER, id: '1' }]
}

type Props = { params: Promise<{ slug: string; id: string }> }

const selection = (raw: string) => (parseId(raw) ? { thread: parseId(raw)! } : null)

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params
  return postPageMetadata(slug, selection(id))
}

export default async function PostThreadPage({ params }: Props) {
  const { slug, id } = await params
  return <PostPage slug={slug} selection={selection(id)} />
}
