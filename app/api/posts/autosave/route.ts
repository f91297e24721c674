import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { autosavePost } from '@/lib/posts/editing'
import { isSameOrigin } from '@/lib/request'

// The post editor's autosave: posted every few seconds of change, and with `keepalive` as the page
// is left, which a server action cannot be. Answers JSON the editor shows as its save status.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ ok: false, message: 'Refused: not sent from this blog.' }, { status: 403 })
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]))
  const id = /^\d{1,12}$/.test(form.postId ?? '') ? Number(form.postId) : null
  try {
    const result = await autosavePost(await getCurrentUser(), id, form)
    return Response.json(result, { status: result.ok ? 200 : 409, headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (error instanceof PermissionDenied) return Response.json({ ok: false, message: 'You cannot edit posts; sign in again.' }, { status: 403 })
    throw error
  }
}
