import { ARCHIVE_BUILD_PLACEHOLDER, ArchivePage, archiveMetadata } from '@/app/_ui/archive-page'

export async function generateStaticParams() {
  return [{ year: ARCHIVE_BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ year: string }> }

export async function generateMetadata({ params }: Props) {
  const { year } = await params
  return archiveMetadata({ kind: 'date', year }, 1)
}

export default async function YearFirstPage({ params }: Props) {
  const { year } = await params
  return <ArchivePage scope={{ kind: 'date', year }} page={1} />
}
