import { isUploadKey } from '@/lib/uploads/paths'
import { getStorage } from '@/lib/uploads/storage'

// Uploaded images. A file's name is made from its content, so it never changes: browsers and CDNs
// may keep it for a year without asking again. Its type comes from that name, which the blog made
// from the decoded image (never from what was stored or restored with it), and browsers may not guess
// another: nothing at /uploads/ can be a page of the blog's origin.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join('/')
  const file = isUploadKey(key) ? await getStorage().get(key) : null
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
