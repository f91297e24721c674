import { can } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromRoute } from '@/lib/public/expire'
import { isSameOrigin } from '@/lib/request'
import { importUploadedExport } from '@/lib/wordpress/upload'

// The import form posts here (multipart, works without script). Who is asking is checked before a
// byte of the file is read; the file streams to disk under the import limit. Answers by sending the
// admin back to /admin/import with the report.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response('Refused: not sent from this blog.', { status: 403 })
  const viewer = await getCurrentUser()
  if (!can(viewer, 'settings.manage')) return new Response('Only admins can import.', { status: 403 })
  const { auditId, changes } = await importUploadedExport(viewer, request)
  expireFromRoute(changes)
  return new Response(null, { status: 303, headers: { Location: `/admin/import?report=${auditId}` } })
}
