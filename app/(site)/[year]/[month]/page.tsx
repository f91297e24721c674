import { ARCHIVE_BUILD_PLACEHOLDER, ArchivePage, archiveMetadata } from '@/app/_ui/archive-page'

export async function generateStaticParams() {
  return [{ year: ARCHIVE_BUILD_PLACEHOLDER, month: ARCHIVE_BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ year: string; month: string }> }

export async function generateMetadata({ params }: Props) {
  const { year, month } = await params
  return archiveMetadata({ kind: 'date', year, month }, 1)
}

export default async function MonthFirstPage({ params }: Props) {
  const { year, month } = await params
  return <ArchivePage scope={{ kind: 'date', year, month }} page={1} />
}
