import { can } from '@/lib/people/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { BodyMalformed, BodyTooLarge, readBoundedForm } from '@/lib/http/bounded-body'
import { autosavePost } from '@/lib/posts/editing'
import { isSameOrigin } from '@/lib/request'
import { parseId } from '@/lib/params'

/** A post's fields are text: a megabyte holds a long book. */
const AUTOSAVE_MAX_BYTES = 1024 * 1024

// The post editor's autosave: posted every few seconds of change, and with `keepalive` as the page
// is left, which a server action cannot be. Who is asking is checked before the body is read.
// Answers JSON the editor shows as its save status.
export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return Response.json({ ok: false, message: 'Refused: not sent from this blog.' }, { status: 403 })
  const viewer = await getCurrentUser()
  if (!can(viewer, 'posts.write'))
    return Response.json({ ok: false, message: 'You cannot edit posts; sign in again.' }, { status: 403 })
  let form: Record<string, string>
  try {
    form = Object.fromEntries(
      [...(await readBoundedForm(request, AUTOSAVE_MAX_BYTES)).entries()].map(([k, v]) => [k, String(v)]),
    )
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return Response.json({ ok: false, message: 'This post is too long to save in one go.' }, { status: 413 })
    if (error instanceof BodyMalformed)
      return Response.json({ ok: false, message: 'The save did not arrive whole. Trying again.' }, { status: 400 })
    throw error
  }
  const id = parseId(form.postId)
  const result = await autosavePost(viewer, id, form)
  return Response.json(result, { status: result.ok ? 200 : 409, headers: { 'Cache-Control': 'no-store' } })
}
