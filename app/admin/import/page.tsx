import type { Metadata } from 'next'
import { ImportForm } from '@/app/_ui/import-form'
import { requirePageCapability } from '@/lib/auth/guard'

export const instant = false
export const metadata: Metadata = { title: 'Import from WordPress' }

export default async function ImportPage() {
  await requirePageCapability('settings.manage', '/admin/import')
  return (
    <main id="main" className="page">
      <h1>Import from WordPress</h1>
      <p>
        Brings posts, pages, authors, categories and tags, and every comment in its thread from a WordPress export. Images the posts use are
        downloaded when the old site still answers. All or nothing: a broken file changes nothing.
      </p>
      <ImportForm />
    </main>
  )
}
