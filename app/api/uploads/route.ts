import { can } from '@/lib/people/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { BodyMalformed, BodyTooLarge, readBoundedForm } from '@/lib/http/bounded-body'
import { isSameOrigin } from '@/lib/request'
import { getSiteSettings } from '@/lib/settings'
import { uploadImage } from '@/lib/uploads/images'
import { translator } from '@/lib/i18n'

// Image uploads from the post editor: multipart form data with one `file`. Who is asking is checked
// before the body is read, and the body is never read past the upload limit. Answers JSON: the
// image's address and sizes, or a message saying why it was refused.
export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return Response.json({ ok: false, message: 'Refused: not sent from this blog.' }, { status: 403 })
  const viewer = await getCurrentUser()
  const { uploadMaxMegabytes, language } = await getSiteSettings()
  const t = translator(language, 'errors.uploads')
  if (!can(viewer, 'posts.write')) return Response.json({ ok: false, message: t('cannotUpload') }, { status: 403 })
  let file: FormDataEntryValue | null
  try {
    // The form around the image adds a little; the image itself is held to the limit by uploadImage.
    file = (await readBoundedForm(request, uploadMaxMegabytes * 1024 * 1024 + 64 * 1024)).get('file')
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return Response.json({ ok: false, message: t('tooLarge', { mb: uploadMaxMegabytes }) }, { status: 413 })
    if (error instanceof BodyMalformed) return Response.json({ ok: false, message: t('malformed') }, { status: 400 })
    throw error
  }
  if (!(file instanceof File)) return Response.json({ ok: false, message: t('chooseImage') }, { status: 400 })
  const result = await uploadImage(viewer, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  return Response.json(result, { status: result.ok ? 201 : 422 })
}
