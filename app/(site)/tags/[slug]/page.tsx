import { TAG_BUILD_PLACEHOLDER, TagPage, tagMetadata } from '@/app/_ui/tag-page'

export async function generateStaticParams() {
  return [{ slug: TAG_BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props) {
  return tagMetadata((await params).slug, 1)
}

export default async function TagFirstPage({ params }: Props) {
  return <TagPage slug={(await params).slug} page={1} />
}
