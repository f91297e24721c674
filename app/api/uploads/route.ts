import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { isSameOrigin } from '@/lib/request'
import { uploadImage } from '@/lib/uploads/images'

// Image uploads from the post editor: multipart form data with one `file`. Answers JSON: the
// image's address and sizes, or a message saying why it was refused.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ ok: false, message: 'Refused: not sent from this blog.' }, { status: 403 })
  let file: FormDataEntryValue | null
  try {
    file = (await request.formData()).get('file')
  } catch {
    return Response.json({ ok: false, message: 'The upload did not arrive whole. Try again.' }, { status: 400 })
  }
  if (!(file instanceof File)) return Response.json({ ok: false, message: 'Choose an image to upload.' }, { status: 400 })
  try {
    const result = await uploadImage(await getCurrentUser(), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    return Response.json(result, { status: result.ok ? 201 : 422 })
  } catch (error) {
    if (error instanceof PermissionDenied) return Response.json({ ok: false, message: 'You cannot upload images; sign in again.' }, { status: 403 })
    throw error
  }
}
