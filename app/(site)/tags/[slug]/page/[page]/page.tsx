import { ARCHIVE_BUILD_PLACEHOLDER, ArchivePage, archiveMetadata, laterPageNumber } from '@/app/_ui/archive-page'

export async function generateStaticParams() {
  return [{ slug: ARCHIVE_BUILD_PLACEHOLDER, page: '2' }]
}

type Props = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params
  return archiveMetadata({ kind: 'tag', slug }, laterPageNumber(page))
}

export default async function TagLaterPage({ params }: Props) {
  const { slug, page } = await params
  return <ArchivePage scope={{ kind: 'tag', slug }} page={laterPageNumber(page)} />
}
