import { can } from '@/lib/people/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { isSameOrigin } from '@/lib/request'
import { receiveUploadedExport } from '@/lib/imports/upload'

// The import forms post here (multipart, works without script; the form's `kind` says WordPress or
// Disqus). Who is asking is checked before a byte of the file is read; the file streams to disk under
// the import limit and is imported as a job. Answers by sending the admin to the job's page (a
// refreshing one), or, asked by the form's script (Accept: application/json), with where its live
// page is.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response('Refused: not sent from this blog.', { status: 403 })
  const viewer = await getCurrentUser()
  if (!can(viewer, 'settings.manage')) return new Response('Only admins can import.', { status: 403 })
  const answer = await receiveUploadedExport(viewer, request)
  const location = 'job' in answer ? `/admin/import?job=${answer.job}` : `/admin/import?refused=${answer.refused}`
  if (request.headers.get('accept')?.includes('application/json'))
    return Response.json({ location: 'job' in answer ? `${location}&live=1` : location })
  return new Response(null, { status: 303, headers: { Location: location } })
}
