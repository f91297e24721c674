import { ARCHIVE_BUILD_PLACEHOLDER, ArchivePage, archiveMetadata, laterPageNumber } from '@/app/_ui/archive-page'

export async function generateStaticParams() {
  return [{ year: ARCHIVE_BUILD_PLACEHOLDER, month: ARCHIVE_BUILD_PLACEHOLDER, page: '2' }]
}

type Props = { params: Promise<{ year: string; month: string; page: string }> }

export async function generateMetadata({ params }: Props) {
  const { year, month, page } = await params
  return archiveMetadata({ kind: 'date', year, month }, laterPageNumber(page))
}

export default async function MonthLaterPage({ params }: Props) {
  const { year, month, page } = await params
  return <ArchivePage scope={{ kind: 'date', year, month }} page={laterPageNumber(page)} />
}
