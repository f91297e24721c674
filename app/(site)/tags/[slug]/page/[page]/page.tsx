import { TAG_BUILD_PLACEHOLDER, TagPage, tagMetadata } from '@/app/_ui/tag-page'

export async function generateStaticParams() {
  return [{ slug: TAG_BUILD_PLACEHOLDER, page: '2' }]
}

type Props = { params: Promise<{ slug: string; page: string }> }

// Page 1 lives at /tags/<slug>; anything but a number from 2 up is not a page.
const pageNumber = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) && raw !== '1' ? Number(raw) : null)

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params
  return tagMetadata(slug, pageNumber(page))
}

export default async function TagLaterPage({ params }: Props) {
  const { slug, page } = await params
  return <TagPage slug={slug} page={pageNumber(page)} />
}
