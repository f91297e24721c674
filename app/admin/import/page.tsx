import type { Metadata } from 'next'
import { ImportForm } from '@/app/_ui/import-form'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadImportOutcome } from '@/lib/wordpress/upload'
import { parseId } from '@/lib/params'

export const instant = false
export const metadata: Metadata = { title: 'Import and export' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ImportPage({ searchParams }: Props) {
  const viewer = await requirePageCapability('settings.manage', '/admin/import')
  const report = (await searchParams).report
  const outcome = parseId(report) ? await loadImportOutcome(viewer, parseId(report)!) : null
  return (
    <main id="main" className="page">
      <h1>Import and export</h1>
      <h2>Import from WordPress</h2>
      <p>
        Brings posts, pages, authors, categories and tags, and every comment in its thread from a WordPress export. Images the posts use are
        downloaded when the old site still answers. All or nothing: a broken file changes nothing.
      </p>
      <ImportForm outcome={outcome} />
      <h2>Export</h2>
      <p>
        <a href="/admin/export" download>
          Download the whole blog as a WordPress export
        </a>{' '}
        (WXR 1.2: posts, pages, tags, authors and every comment in its thread), which WordPress and Plateau both import.
      </p>
    </main>
  )
}
