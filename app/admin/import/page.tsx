import type { Metadata } from 'next'
import { ImportForm, ImportJob } from '@/app/_ui/import-form'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadImportJob } from '@/lib/imports/jobs'
import { loadUploadRefusal } from '@/lib/imports/upload'
import { parseId } from '@/lib/params'

export const instant = false
export const metadata: Metadata = { title: 'Import and export' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ImportPage({ searchParams }: Props) {
  const viewer = await requirePageCapability('settings.manage', '/admin/import')
  const query = await searchParams
  const job = parseId(query.job) ? await loadImportJob(viewer, parseId(query.job)!) : null
  const refusal = parseId(query.refused) ? await loadUploadRefusal(viewer, parseId(query.refused)!) : null
  return (
    <main id="main" className="page">
      <h1>Import and export</h1>
      {job ? <ImportJob job={job} live={query.live === '1'} /> : null}
      {refusal ? (
        <p role="alert" className="form-error">
          {refusal}
        </p>
      ) : null}
      <h2>Import from WordPress</h2>
      <p>
        Brings posts, pages, authors, categories and tags, and every comment in its thread from a WordPress export, and keeps every old address
        answering. Images the posts use are downloaded when the old site still answers. All or nothing: a broken file changes nothing.
      </p>
      <ImportForm kind="wordpress" label="WordPress export file" help="In WordPress: Tools → Export → All content. Importing the same file again adds nothing twice." button="Import" />
      <h2>Comments from Disqus</h2>
      <p>
        Brings the comments a Disqus export holds onto the posts they were written under, matched by their address (import the posts first), with
        replies in their threads. Guests keep their names; their emails stay private. All or nothing; importing it again adds nothing twice.
      </p>
      <ImportForm
        kind="disqus"
        label="Disqus export file"
        help="In Disqus: Admin → Moderation → Export; unzip the file Disqus e-mails you. Threads that match no post are listed in the report."
        button="Import comments"
      />
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
