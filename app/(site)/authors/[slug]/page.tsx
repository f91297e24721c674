import { ARCHIVE_BUILD_PLACEHOLDER, ArchivePage, archiveMetadata } from '@/app/_ui/archive-page'

export async function generateStaticParams() {
  return [{ slug: ARCHIVE_BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props) {
  const { slug } = await params
  return archiveMetadata({ kind: 'author', slug }, 1)
}

export default async function AuthorFirstPage({ params }: Props) {
  const { slug } = await params
  return <ArchivePage scope={{ kind: 'author', slug }} page={1} />
}
